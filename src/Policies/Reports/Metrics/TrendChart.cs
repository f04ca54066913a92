using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace PolicyKit.Policies.Reports.Metrics;

/// <summary>An inline SVG line chart of one metric across releases: no script, no external asset, readable in print.</summary>
internal static class TrendChart
{
    private const int Width = 640;
    private const int Height = 160;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 36;

    public static string Svg(string title, IReadOnlyList<string> releases, IReadOnlyList<double?> values)
    {
        var svg = new StringBuilder();
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var max = known.Count == 0 ? 1 : Math.Max(known.Max(), 1e-9);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height)
            .Append("\" role=\"img\" aria-label=\"").Append(WebUtility.HtmlEncode(title)).Append("\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        svg.Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(Height - Bottom).Append("\" x2=\"").Append(Width - Right).Append("\" y2=\"").Append(Height - Bottom).Append("\" class=\"axis\"/>");
        svg.Append("<text x=\"").Append(Left - 4).Append("\" y=\"").Append(Top + 4).Append("\" class=\"tick\" text-anchor=\"end\">").Append(Format(max)).Append("</text>");
        svg.Append("<text x=\"").Append(Left - 4).Append("\" y=\"").Append(Height - Bottom).Append("\" class=\"tick\" text-anchor=\"end\">0</text>");
        var points = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var x = X(i, values.Count);
            if (values[i] is { } value)
            {
                var y = Height - Bottom - (value / max * (Height - Top - Bottom));
                points.Add(Format(x) + "," + Format(y));
                svg.Append("<circle cx=\"").Append(Format(x)).Append("\" cy=\"").Append(Format(y)).Append("\" r=\"3\"><title>")
                    .Append(WebUtility.HtmlEncode(releases[i])).Append(": ").Append(Format(value)).Append("</title></circle>");
            }

            if (values.Count <= 16 || i % (values.Count / 8 + 1) == 0)
            {
                svg.Append("<text x=\"").Append(Format(x)).Append("\" y=\"").Append(Height - Bottom + 14).Append("\" class=\"tick\" text-anchor=\"middle\">")
                    .Append(WebUtility.HtmlEncode(releases[i])).Append("</text>");
            }
        }

        if (points.Count > 1)
        {
            svg.Append("<polyline points=\"").Append(string.Join(" ", points)).Append("\" class=\"line\"/>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static double X(int index, int count) =>
        count <= 1 ? (Left + Width - Right) / 2.0 : Left + index * (double)(Width - Left - Right) / (count - 1);

    private static string Format(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
