namespace Agent.Sandbox.Argo.Templating;

/// <summary>The expression cannot be evaluated; Argo then leaves the <c>{{=…}}</c> tag as it was.</summary>
internal sealed class ExpressionFailure(string message) : Exception(message);
