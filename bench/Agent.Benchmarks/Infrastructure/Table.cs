using System.Globalization;
using System.Text;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>A Markdown table printed to the console, so results paste straight into docs/benchmarks.md.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params object[] cells) => _rows.Add([.. cells.Select(Format)]);

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.0") =>
        double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);

    public void Print(string title)
    {
        var widths = headers.Select((header, i) => Math.Max(header.Length, _rows.Count == 0 ? 0 : _rows.Max(row => row[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {title}").AppendLine();
        text.AppendLine(Line(headers, widths));
        text.AppendLine(Line([.. widths.Select(width => new string('-', width))], widths));
        foreach (var row in _rows)
        {
            text.AppendLine(Line(row, widths));
        }

        Console.Write(text.ToString());
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((cell, i) => cell.PadRight(widths[i]))) + " |";

    private static string Format(object cell) => cell switch
    {
        double value => Number(value, "0.00"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
