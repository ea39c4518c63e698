using System.Text;

namespace Agent.Tests.Logs;

/// <summary>Random log text mixing 1-, 2-, 3- and 4-byte UTF-8 characters, so page borders fall inside characters.</summary>
internal static class RandomText
{
    private static readonly string[] Characters = ["a", "Z", " ", "7", "é", "ß", "€", "中", "😀", "𝄞"];

    public static string Line(Random random, int maxCharacters)
    {
        var length = random.Next(0, maxCharacters + 1);
        var line = new StringBuilder(length * 2);
        for (var i = 0; i < length; i++)
        {
            line.Append(Characters[random.Next(Characters.Length)]);
        }

        return line.ToString();
    }
}
