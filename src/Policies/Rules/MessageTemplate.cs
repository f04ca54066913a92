using System.Collections.Generic;
using System.Text;

namespace PolicyKit.Policies.Rules;

/// <summary>A rule's message with <c>{placeholder}</c> holes, split once at load so formatting a finding is a single pass.</summary>
public sealed class MessageTemplate
{
    private readonly (string Text, bool IsPlaceholder)[] parts;

    public MessageTemplate(string template)
    {
        Text = template;
        var list = new List<(string, bool)>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                list.Add((template.Substring(position), false));
                break;
            }

            if (open > position)
            {
                list.Add((template.Substring(position, open - position), false));
            }

            list.Add((template.Substring(open + 1, close - open - 1), true));
            position = close + 1;
        }

        parts = list.ToArray();
    }

    public string Text { get; }

    public IEnumerable<string> Placeholders
    {
        get
        {
            foreach (var (text, isPlaceholder) in parts)
            {
                if (isPlaceholder)
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>Fills the holes; a hole without a value is left visible as <c>{name}</c> rather than silently dropped.</summary>
    public string Format(IReadOnlyList<KeyValuePair<string, string>> arguments)
    {
        var builder = new StringBuilder(Text.Length + 32);
        foreach (var (text, isPlaceholder) in parts)
        {
            if (!isPlaceholder)
            {
                builder.Append(text);
                continue;
            }

            var found = false;
            foreach (var argument in arguments)
            {
                if (argument.Key == text)
                {
                    builder.Append(argument.Value);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                builder.Append('{').Append(text).Append('}');
            }
        }

        return builder.ToString();
    }
}
