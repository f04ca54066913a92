using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// A horizontal bar chart as inline SVG: fixed size, labels and counts written as text beside each bar, so it reads the
/// same on screen, printed in black and white, and in a PDF.
/// </summary>
internal static class SvgBarChart
{
    private const int LabelWidth = 110;
    private const int BarWidth = 200;
    private const int RowHeight = 24;
    private const int BarHeight = 16;
    private const int Top = 8;

    public static string Render(string title, IReadOnlyList<(string Label, int Count, string Color)> bars)
    {
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Count);
        var width = LabelWidth + BarWidth + 40;
        var height = Top * 2 + (bars.Count * RowHeight);
        var svg = new StringBuilder();
        svg.Append($"<svg role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" aria-label=\"{Html.Encode(title)}: {Html.Encode(string.Join(", ", bars.Select(b => $"{b.Label} {b.Count}")))}\">");
        svg.Append($"<title>{Html.Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count, color) = bars[i];
            var y = Top + (i * RowHeight);
            var length = max == 0 ? 0 : (int)System.Math.Round((double)count / max * BarWidth);
            var textY = Number(y + (BarHeight / 2) + 4);
            svg.Append($"<text x=\"{Number(LabelWidth - 8)}\" y=\"{textY}\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">{Html.Encode(label)}</text>");
            svg.Append($"<rect x=\"{Number(LabelWidth)}\" y=\"{Number(y)}\" width=\"{Number(BarWidth)}\" height=\"{Number(BarHeight)}\" fill=\"#f1f1f1\" stroke=\"#d0d0d0\" stroke-width=\"0.5\"/>");
            if (length > 0)
            {
                svg.Append($"<rect x=\"{Number(LabelWidth)}\" y=\"{Number(y)}\" width=\"{Number(length)}\" height=\"{Number(BarHeight)}\" fill=\"{color}\"/>");
            }

            svg.Append($"<text x=\"{Number(LabelWidth + BarWidth + 6)}\" y=\"{textY}\" font-size=\"12\" font-weight=\"bold\" fill=\"#222\">{Number(count)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
