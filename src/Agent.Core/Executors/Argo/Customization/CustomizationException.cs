namespace Agent.Core.Executors.Argo.Customization;

/// <summary>A customization file or setting cannot be used; the message names it and says why.</summary>
internal sealed class CustomizationException : Exception
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
