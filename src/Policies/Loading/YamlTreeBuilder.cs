using System;
using System.Collections.Generic;
using PolicyKit.Policies.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PolicyKit.Policies.Loading;

/// <summary>
/// Turns YamlDotNet's event stream into <see cref="YamlNode"/> trees without recursion, so depth is bounded by
/// <see cref="LoaderLimits.MaxDepth"/> rather than the thread's stack. Aliases share the anchored node instead of
/// copying it, and their expanded size is counted to stop alias bombs.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private readonly LoaderLimits limits;
    private readonly int lineOffset;
    private readonly List<InputProblem> problems;
    private readonly Stack<Frame> frames = new();
    private readonly Dictionary<string, (YamlNode Node, long Weight)> anchors = new(StringComparer.Ordinal);
    private bool abandoned;

    public YamlTreeBuilder(LoaderLimits limits, int lineOffset, List<InputProblem> problems)
    {
        this.limits = limits;
        this.lineOffset = lineOffset;
        this.problems = problems;
    }

    /// <summary>Reads every document of <paramref name="parser"/>, numbering them from <paramref name="firstIndex"/>.</summary>
    /// <returns>The index the next document after this stream gets.</returns>
    public int ReadStream(IParser parser, int firstIndex, List<SourceDocument> documents)
    {
        var index = firstIndex;
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            var root = ReadDocument(parser, index);
            if (abandoned)
            {
                // The rest of this piece is not read: skipping a hostile document's events can itself cost
                // quadratic time in the scanner. Other documents of the file live in other pieces.
                return index + 1;
            }

            parser.Consume<DocumentEnd>();
            if (root is not null)
            {
                documents.Add(new SourceDocument(index, root));
            }

            index++;
        }

        parser.Consume<StreamEnd>();
        return index;
    }

    private YamlNode? ReadDocument(IParser parser, int index)
    {
        frames.Clear();
        anchors.Clear();
        long aliasExpanded = 0;
        YamlNode? root = null;
        var rootSeen = false;
        var isAlias = false;

        while (!rootSeen)
        {
            var parsingEvent = parser.Consume<ParsingEvent>();
            YamlNode? completed = null;
            long weight = 1;
            switch (parsingEvent)
            {
                case Scalar scalar:
                    var plain = IsPlain(scalar);
                    completed = new ScalarNode(plain ? KubernetesNumbers.Normalize(scalar.Value) : scalar.Value, plain, Line(scalar), Column(scalar));
                    Remember(scalar.Anchor, completed, weight);
                    break;

                case MappingStart mappingStart:
                    if (!Push(new Frame(mappingStart, isMapping: true), index, parsingEvent))
                    {
                        return Abandon();
                    }

                    continue;

                case SequenceStart sequenceStart:
                    if (!Push(new Frame(sequenceStart, isMapping: false), index, parsingEvent))
                    {
                        return Abandon();
                    }

                    continue;

                case MappingEnd:
                case SequenceEnd:
                    var frame = frames.Pop();
                    completed = frame.Complete(this, index);
                    weight = frame.Weight;
                    Remember(frame.Anchor, completed, weight);
                    break;

                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        // The alias is not quoted back: an unquoted password that starts with '*' parses as one.
                        problems.Add(new InputProblem(InputProblemKind.Syntax, "an alias (*name) refers to no anchor; quote values that start with '*'", Line(alias), Column(alias), index));
                        return Abandon();
                    }

                    completed = target.Node;
                    weight = target.Weight;
                    isAlias = true;
                    aliasExpanded = SaturatingAdd(aliasExpanded, weight);
                    if (aliasExpanded > limits.MaxAliasExpandedNodes)
                    {
                        problems.Add(new InputProblem(
                            InputProblemKind.AliasExpansion,
                            $"aliases expand to more than {limits.MaxAliasExpandedNodes} nodes",
                            Line(alias),
                            Column(alias),
                            index));
                        return Abandon();
                    }

                    break;

                default:
                    throw new InvalidOperationException($"unexpected YAML event {parsingEvent.GetType().Name}");
            }

            if (frames.Count == 0)
            {
                root = completed;
                rootSeen = true;
            }
            else
            {
                frames.Peek().Add(completed!, weight, isAlias);
                isAlias = false;
            }
        }

        return root is ScalarNode { IsNull: true } ? null : root;
    }

    private bool Push(Frame frame, int index, ParsingEvent parsingEvent)
    {
        if (frames.Count >= limits.MaxDepth)
        {
            problems.Add(new InputProblem(
                InputProblemKind.NestingDepth,
                $"document nests deeper than {limits.MaxDepth} levels",
                Line(parsingEvent),
                Column(parsingEvent),
                index));
            return false;
        }

        frame.Line = Line(parsingEvent);
        frame.Column = Column(parsingEvent);
        frames.Push(frame);
        return true;
    }

    private YamlNode? Abandon()
    {
        abandoned = true;
        return null;
    }

    private void Remember(AnchorName anchor, YamlNode node, long weight)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = (node, weight);
        }
    }

    private static bool IsPlain(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return false;
        }

        // An explicit !!str tag makes a plain scalar a string, as in `enabled: !!str true`.
        var tag = scalar.Tag;
        return tag.IsEmpty || !(tag.Value == "!!str" || tag.Value.EndsWith(":str", StringComparison.Ordinal));
    }

    private int Line(ParsingEvent parsingEvent) => (int)parsingEvent.Start.Line + lineOffset;

    private static int Column(ParsingEvent parsingEvent) => (int)parsingEvent.Start.Column;

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private sealed class Frame
    {
        private readonly List<YamlEntry>? entries;
        private readonly List<YamlNode>? items;
        private ScalarNode? pendingKey;
        private bool pendingKeyIsComplex;

        // An alias or a merged entry sits out of document order among its siblings.
        private bool outOfOrder;

        public Frame(NodeEvent start, bool isMapping)
        {
            Anchor = start.Anchor;
            if (isMapping)
            {
                entries = new List<YamlEntry>();
            }
            else
            {
                items = new List<YamlNode>();
            }
        }

        public AnchorName Anchor { get; }

        public int Line { get; set; }

        public int Column { get; set; }

        public long Weight { get; private set; } = 1;

        public void Add(YamlNode node, long weight, bool isAlias)
        {
            outOfOrder |= isAlias;
            Weight = SaturatingAdd(Weight, weight);
            if (items is not null)
            {
                items.Add(node);
                return;
            }

            if (pendingKey is null && !pendingKeyIsComplex)
            {
                // Kubernetes objects only have scalar keys; a complex key's entry is kept out of the model.
                if (node is ScalarNode key)
                {
                    pendingKey = key;
                }
                else
                {
                    pendingKeyIsComplex = true;
                }

                return;
            }

            if (pendingKey is not null)
            {
                entries!.Add(new YamlEntry(pendingKey, node));
            }

            pendingKey = null;
            pendingKeyIsComplex = false;
        }

        public YamlNode Complete(YamlTreeBuilder builder, int documentIndex)
        {
            if (items is not null)
            {
                return new SequenceNode(items, Line, Column) { ChildrenOutOfOrder = outOfOrder };
            }

            ApplyMergeKeys();
            DuplicateKeys.Report(entries!, documentIndex, builder.problems);
            return new MappingNode(entries!, Line, Column) { ChildrenOutOfOrder = outOfOrder };
        }

        private void ApplyMergeKeys()
        {
            // YAML 1.1 merge keys (`<<: *defaults`), which Kubernetes' decoder honours: merged keys never override.
            var mergeIndex = entries!.FindIndex(e => e.Key.IsPlain && e.Key.Value == "<<");
            if (mergeIndex < 0)
            {
                return;
            }

            var merge = entries[mergeIndex].Value;
            entries.RemoveAt(mergeIndex);
            outOfOrder = true;
            var sources = merge is SequenceNode sequence ? sequence.Items : new[] { merge };
            foreach (var source in sources)
            {
                if (source is not MappingNode mapping)
                {
                    continue;
                }

                foreach (var entry in mapping.Entries)
                {
                    if (!entries.Exists(e => e.Key.Value == entry.Key.Value))
                    {
                        entries.Add(entry);
                    }
                }
            }
        }
    }
}
