using System.Text;

namespace PolicyKit.Policies.Reports;

/// <summary>Escaping for GitHub-flavoured Markdown table cells and inline code.</summary>
internal static class MarkdownText
{
    /// <summary>A table cell: pipes escaped, line breaks flattened, characters that start HTML or links neutralised.</summary>
    public static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|': builder.Append("\\|"); break;
                case '\r': break;
                case '\n': builder.Append(' '); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '[': builder.Append("\\["); break;
                case ']': builder.Append("\\]"); break;
                case '*': builder.Append("\\*"); break;
                case '_': builder.Append("\\_"); break;
                case '`': builder.Append("\\`"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Inline code: the text between backticks, with any backtick replaced so it cannot close the span.</summary>
    public static string Code(string text) => "`" + text.Replace("`", "'").Replace("|", "\\|").Replace("\n", " ") + "`";
}
