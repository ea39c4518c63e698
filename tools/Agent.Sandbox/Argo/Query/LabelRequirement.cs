using System.Globalization;

namespace Agent.Sandbox.Argo.Query;

/// <summary>One comma-separated term of a k8s label selector.</summary>
internal sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Exists => present,
            LabelOperator.DoesNotExist => !present,
            LabelOperator.Equals or LabelOperator.In => present && Values.Contains(value),
            // k8s: "!=" and "notin" also select objects that lack the label entirely.
            LabelOperator.NotEquals or LabelOperator.NotIn => !present || !Values.Contains(value),
            LabelOperator.GreaterThan => present && Compare(value!) > 0,
            LabelOperator.LessThan => present && Compare(value!) < 0,
            _ => false,
        };
    }

    private int Compare(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var actual)
            ? actual.CompareTo(long.Parse(Values[0], CultureInfo.InvariantCulture))
            : 0;
}
