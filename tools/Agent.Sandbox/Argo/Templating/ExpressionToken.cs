namespace Agent.Sandbox.Argo.Templating;

/// <summary>One token of an <c>{{=expr}}</c> expression.</summary>
internal readonly record struct ExpressionToken(ExpressionTokenKind Kind, string Text, object? Value = null);
