namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// The column of the transition table an event falls in. Most kinds are one event type; a fill is a
/// <see cref="PartialFill"/> or a <see cref="CompletingFill"/> depending on whether it fills the order's
/// last shares, and a status report has one kind per broker status, so that every cell of
/// (state, kind) → state is a plain fact and needs no further condition.
/// </summary>
public enum OrderEventKind
{
    Submit,
    SubmitAcknowledged,
    SubmitRefused,
    SubmitOutcomeUnknown,
    OrderFound,
    OrderNotFound,
    CancelRequested,
    ReplaceRequested,
    PartialFill,
    CompletingFill,
    ReportedAccepted,
    ReportedPendingNew,
    ReportedAcceptedForBidding,
    ReportedPendingReview,
    ReportedHeld,
    ReportedNew,
    ReportedPartiallyFilled,
    ReportedDoneForDay,
    ReportedStopped,
    ReportedSuspended,
    ReportedCalculated,
    ReportedPendingCancel,
    ReportedPendingReplace,
    ReportedFilled,
    ReportedCanceled,
    ReportedExpired,
    ReportedReplaced,
    ReportedRejected,

    /// <summary>A status name this desk does not know (Alpaca may add some): the order is still in flight.</summary>
    ReportedUnknown,
}
