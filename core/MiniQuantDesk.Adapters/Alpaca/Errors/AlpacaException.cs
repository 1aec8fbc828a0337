namespace MiniQuantDesk.Adapters.Alpaca.Errors;

/// <summary>A call to Alpaca failed; <see cref="Error"/> says how, with the broker's code and message.</summary>
public sealed class AlpacaException : Exception
{
    public AlpacaException(AlpacaError error, Exception? inner = null)
        : base(error.ToString(), inner)
    {
        Error = error;
    }

    public AlpacaError Error { get; }

    public AlpacaErrorKind Kind => Error.Kind;
}
