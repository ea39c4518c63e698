namespace Agent.Core.Argo.Customization;

/// <summary>A customization file or setting cannot be used; the message names it and says why.</summary>
public sealed class CustomizationException : Exception
{
    public CustomizationException()
    {
    }

    public CustomizationException(string message)
        : base(message)
    {
    }

    public CustomizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
