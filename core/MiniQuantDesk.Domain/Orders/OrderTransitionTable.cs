using System.Collections.Frozen;
using System.Collections.Immutable;
using static MiniQuantDesk.Domain.Orders.OrderEventKind;
using static MiniQuantDesk.Domain.Orders.OrderStatus;
using Kind = MiniQuantDesk.Domain.Orders.OrderEventKind;

namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// The whole order lifecycle: (status, event kind) → status. Anything not in <see cref="Rows"/> is
/// refused. No two rows cover the same cell (checked when the table is built). docs/orders.md holds the
/// same table, rendered from <see cref="Rows"/> by a test, so the two cannot drift.
/// </summary>
public static class OrderTransitionTable
{
    // Status groups. Every broker status is in exactly one of Received, Live, PartiallyFilled, Pending, Closed.
    public static readonly OrderStatusSet Sent = Set("Sent", Submitting, Unresolved);
    public static readonly OrderStatusSet Received = Set("Received", Accepted, PendingNew, AcceptedForBidding, PendingReview, Held);
    public static readonly OrderStatusSet Live = Set("Live", New, DoneForDay, Stopped, Suspended, Calculated);
    public static readonly OrderStatusSet Pending = Set("Pending", PendingCancel, PendingReplace);
    public static readonly OrderStatusSet Open = Union("Open", Received, Live, One(PartiallyFilled), Pending);
    public static readonly OrderStatusSet OpenNotPending = Except("OpenNotPending", Open, Pending);
    public static readonly OrderStatusSet Replaceable = Except("Replaceable", Open, One(Accepted), One(PendingNew), Pending);
    public static readonly OrderStatusSet Closed = Set("Closed", Filled, Canceled, Expired, Replaced, Rejected);
    public static readonly OrderStatusSet ClosedUnfilled = Set("ClosedUnfilled", Canceled, Expired, Replaced);
    public static readonly OrderStatusSet LateFillable = Union("LateFillable", One(Filled), ClosedUnfilled);
    public static readonly OrderStatusSet Terminal = Union("Terminal", Closed, One(Abandoned));

    // Status reports, grouped the same way.
    public static readonly OrderEventSet ReportsOfReceived = Events("ReportsOfReceived", ReportedAccepted, ReportedPendingNew, ReportedAcceptedForBidding, ReportedPendingReview, ReportedHeld);
    public static readonly OrderEventSet ReportsOfLive = Events("ReportsOfLive", ReportedNew, ReportedDoneForDay, ReportedStopped, ReportedSuspended, ReportedCalculated);
    public static readonly OrderEventSet ReportsOfPending = Events("ReportsOfPending", ReportedPendingCancel, ReportedPendingReplace);
    public static readonly OrderEventSet ReportsOfOpen = Events("ReportsOfOpen", [.. ReportsOfReceived.Members, .. ReportsOfLive.Members, ReportedPartiallyFilled, .. ReportsOfPending.Members]);
    public static readonly OrderEventSet ReportsOfClosed = Events("ReportsOfClosed", ReportedFilled, ReportedCanceled, ReportedExpired, ReportedReplaced, ReportedRejected);
    public static readonly OrderEventSet ReportsFromLive = Events("ReportsFromLive", [.. ReportsOfLive.Members, ReportedPartiallyFilled, .. ReportsOfPending.Members]);
    public static readonly OrderEventSet ReportsFromPartiallyFilled = Events("ReportsFromPartiallyFilled", ReportedPartiallyFilled, ReportedDoneForDay, ReportedStopped, ReportedSuspended, ReportedCalculated, ReportedPendingCancel, ReportedPendingReplace);
    public static readonly OrderEventSet ReportsBeforePartiallyFilled = Events("ReportsBeforePartiallyFilled", [.. ReportsOfReceived.Members, ReportedNew]);
    public static readonly OrderEventSet ReportsBeforePending = Events("ReportsBeforePending", [.. ReportsOfReceived.Members, .. ReportsOfLive.Members, ReportedPartiallyFilled]);
    public static readonly OrderEventSet ReportsOfOpenOrUnknown = Events("ReportsOfOpenOrUnknown", [.. ReportsOfOpen.Members, ReportedUnknown]);

    /// <summary>The table. Read top to bottom: the desk's own steps, its requests, fills, then status reports.</summary>
    public static readonly ImmutableArray<OrderTransitionRow> Rows =
    [
        //  from                 on                                  to
        Row(One(Intended),       On(Submit),                         Submitting,      "the request is on its way"),
        Row(One(Intended),       On(Kind.CancelRequested),           Abandoned,       "never sent, so nothing to cancel at the broker"),
        Row(One(Submitting),     On(Kind.SubmitAcknowledged),        Accepted,        "the broker holds it; apply its reported status next"),
        Row(One(Submitting),     On(Kind.SubmitRefused),             Rejected,        "the broker said no (e.g. 403 insufficient buying power)"),
        Row(One(Submitting),     On(Kind.SubmitOutcomeUnknown),      Unresolved,      "timeout or 5xx: it may exist, so never resubmit blindly"),
        Row(Sent,                On(Kind.OrderFound),                Accepted,        "the lookup by client_order_id found it; apply its status next"),
        Row(Sent,                On(Kind.OrderNotFound),             Intended,        "the lookup returned 404: never placed, safe to resend with the same id"),

        Row(OpenNotPending,      On(Kind.CancelRequested),           PendingCancel,   "a 204 is a request, not a cancel"),
        Row(One(PendingCancel),  On(Kind.CancelRequested),           Unchanged,       "asking twice changes nothing"),
        Row(Replaceable,         On(Kind.ReplaceRequested),          PendingReplace,  "Alpaca refuses a replace while accepted, pending_new or pending_*"),

        Row(OpenNotPending,      On(PartialFill),                    PartiallyFilled, "some shares filled, the rest works"),
        Row(Pending,             On(PartialFill),                    Unchanged,       "a fill racing a cancel/replace request counts; the request stands"),
        Row(Open,                On(CompletingFill),                 Filled,          "the last shares filled, whatever was pending"),
        Row(LateFillable,        On(PartialFill),                    Unchanged,       "late fill: the broker filled it, so it counts"),
        Row(LateFillable,        On(CompletingFill),                 Filled,          "late fill that completes the order: it is filled"),

        Row(Open,                ReportsOfClosed,                    AsReported,      "the broker closed it"),
        Row(Received,            ReportsOfOpen,                      AsReported,      "any later step"),
        Row(Live,                ReportsFromLive,                    AsReported,      "moves between working states (done_for_day, then new next day)"),
        Row(Live,                ReportsOfReceived,                  Unchanged,       "stale: reported out of order"),
        Row(One(PartiallyFilled), ReportsFromPartiallyFilled,        AsReported,      "still working, or a request is pending"),
        Row(One(PartiallyFilled), ReportsBeforePartiallyFilled,      Unchanged,       "stale: a report must not un-fill"),
        Row(Pending,             ReportsOfPending,                   AsReported,      "the broker's view of the request"),
        Row(Pending,             ReportsBeforePending,               Unchanged,       "stale: the request came after that"),
        Row(Open,                On(ReportedUnknown),                Unchanged,       "a status this desk does not know: still in flight (log it)"),

        Row(Closed,              ReportsOfOpenOrUnknown,             Unchanged,       "stale: reported out of order"),
        Row(One(Filled),         On(ReportedFilled),                 Unchanged,       "already filled"),
        Row(One(Canceled),       On(ReportedCanceled),               Unchanged,       "already canceled"),
        Row(One(Expired),        On(ReportedExpired),                Unchanged,       "already expired"),
        Row(One(Replaced),       On(ReportedReplaced),               Unchanged,       "already replaced"),
        Row(One(Rejected),       On(ReportedRejected),               Unchanged,       "already rejected"),
        Row(ClosedUnfilled,      On(ReportedFilled),                 Filled,          "late fill: the broker filled it before the close took"),
    ];

    private static readonly FrozenDictionary<(OrderStatus From, OrderEventKind On), OrderStatus> Cells = Expand(Rows);

    /// <summary>Every legal edge, ordered by status then event kind.</summary>
    public static IReadOnlyList<OrderTransitionEdge> Edges { get; } =
        [.. Cells.Select(c => new OrderTransitionEdge(c.Key.From, c.Key.On, c.Value)).OrderBy(e => e.From).ThenBy(e => e.On)];

    /// <summary>The status after <paramref name="on"/> in <paramref name="from"/>, or null when the table refuses it.</summary>
    public static OrderStatus? Next(OrderStatus from, OrderEventKind on) =>
        Cells.TryGetValue((from, on), out var to) ? to : null;

    public static bool IsTerminal(OrderStatus status) => Terminal.Members.Contains(status);

    /// <summary>The event kind of a reported broker status; <see cref="ReportedUnknown"/> for the desk's own statuses.</summary>
    public static OrderEventKind ReportOf(OrderStatus status) => status switch
    {
        Accepted => ReportedAccepted,
        PendingNew => ReportedPendingNew,
        AcceptedForBidding => ReportedAcceptedForBidding,
        PendingReview => ReportedPendingReview,
        Held => ReportedHeld,
        New => ReportedNew,
        PartiallyFilled => ReportedPartiallyFilled,
        DoneForDay => ReportedDoneForDay,
        Stopped => ReportedStopped,
        Suspended => ReportedSuspended,
        Calculated => ReportedCalculated,
        PendingCancel => ReportedPendingCancel,
        PendingReplace => ReportedPendingReplace,
        Filled => ReportedFilled,
        Canceled => ReportedCanceled,
        Expired => ReportedExpired,
        Replaced => ReportedReplaced,
        Rejected => ReportedRejected,
        _ => ReportedUnknown,
    };

    private static FrozenDictionary<(OrderStatus, OrderEventKind), OrderStatus> Expand(ImmutableArray<OrderTransitionRow> rows)
    {
        var reportedStatus = Enum.GetValues<OrderStatus>()
            .Where(s => ReportOf(s) != ReportedUnknown)
            .ToDictionary(ReportOf);
        var cells = new Dictionary<(OrderStatus, OrderEventKind), OrderStatus>();
        foreach (var row in rows)
        {
            foreach (var from in row.From.Members)
            {
                foreach (var on in row.On.Members)
                {
                    var to = row.To.Kind switch
                    {
                        OrderTransitionTargetKind.Status => row.To.Status,
                        OrderTransitionTargetKind.Unchanged => from,
                        _ => reportedStatus.TryGetValue(on, out var reported)
                            ? reported
                            : throw new InvalidOperationException($"row '{row.Why}': {on} reports no status to move to"),
                    };
                    if (!cells.TryAdd((from, on), to))
                    {
                        throw new InvalidOperationException($"row '{row.Why}': ({from}, {on}) is already covered by an earlier row");
                    }
                }
            }
        }

        return cells.ToFrozenDictionary();
    }

    private static OrderTransitionTarget Unchanged => OrderTransitionTarget.Unchanged;

    private static OrderTransitionTarget AsReported => OrderTransitionTarget.AsReported;

    private static OrderTransitionRow Row(OrderStatusSet from, OrderEventSet on, OrderTransitionTarget to, string why) => new(from, on, to, why);

    private static OrderStatusSet One(OrderStatus status) => new(status.ToString(), [status]);

    private static OrderStatusSet Set(string name, params OrderStatus[] members) => new(name, [.. members]);

    private static OrderStatusSet Union(string name, params OrderStatusSet[] sets) => new(name, [.. sets.SelectMany(s => s.Members).Distinct()]);

    private static OrderStatusSet Except(string name, OrderStatusSet from, params OrderStatusSet[] without) =>
        new(name, [.. from.Members.Except(without.SelectMany(s => s.Members))]);

    private static OrderEventSet On(OrderEventKind kind) => new(kind.ToString(), [kind]);

    private static OrderEventSet Events(string name, params OrderEventKind[] members) => new(name, [.. members]);
}
