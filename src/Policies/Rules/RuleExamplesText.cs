using System.Text;

namespace PolicyKit.Policies.Rules;

/// <summary>
/// A rule file's text with its top-level <c>examples</c> block blanked out, line for line, so the rest parses without
/// the example manifests and every other field keeps its line number.
/// </summary>
internal static class RuleExamplesText
{
    private const string ExamplesKey = "examples:";

    public static byte[] Blanked(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        var result = new StringBuilder(text.Length);
        var inExamples = false;
        var position = 0;
        while (position < text.Length)
        {
            var newline = text.IndexOf('\n', position);
            var end = newline < 0 ? text.Length : newline;
            if (end > position && text[position] != ' ' && text[position] != '\t' && text[position] != '#' && text[position] != '\r')
            {
                // A line starting at column 0 is a top-level key: it starts or ends the examples block.
                inExamples = string.CompareOrdinal(text, position, ExamplesKey, 0, ExamplesKey.Length) == 0;
            }

            if (!inExamples)
            {
                result.Append(text, position, end - position);
            }

            if (newline < 0)
            {
                break;
            }

            result.Append('\n');
            position = newline + 1;
        }

        return Encoding.UTF8.GetBytes(result.ToString());
    }
}
