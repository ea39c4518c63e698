namespace Agent.Sandbox.Argo.Templating;

/// <summary>What an <see cref="ExpressionToken"/> holds.</summary>
internal enum ExpressionTokenKind
{
    Number,
    String,
    Name,
    Operator,
    End,
}
