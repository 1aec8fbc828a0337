namespace MiniQuantDesk.Adapters.Ml;

/// <summary>Where a logged prediction stands.</summary>
public enum PredictionStatus
{
    /// <summary>Its horizon has not passed yet (or it has and nobody scored it yet).</summary>
    Pending,

    /// <summary>Compared with the realised return.</summary>
    Scored,

    /// <summary>No outcome bar exists (no later bar that session, or the bar left the stored window).</summary>
    Unscorable,
}
