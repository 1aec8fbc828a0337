namespace MiniQuantDesk.Adapters.Discord.Signatures;

/// <summary>The outcome of checking one request: valid, or the first <see cref="SignatureFailure"/> found with a short detail.</summary>
public readonly record struct SignatureVerdict(SignatureFailure Failure, string Detail)
{
    public static readonly SignatureVerdict Valid = new(SignatureFailure.None, "valid");

    public bool IsValid => Failure == SignatureFailure.None;

    public static SignatureVerdict Refuse(SignatureFailure failure, string detail) => new(failure, detail);

    public override string ToString() => IsValid ? "valid" : $"{Failure}: {Detail}";
}
