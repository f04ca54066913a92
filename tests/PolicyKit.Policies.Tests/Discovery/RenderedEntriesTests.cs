using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Discovery.InProcessKustomize;
using Xunit;

namespace PolicyKit.Policies.Tests.Discovery;

public class RenderedEntriesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(60)]
    public void Lookups_follow_every_add_replace_and_remove_below_and_past_the_index_threshold(int size)
    {
        var entries = new RenderedEntries(capacity: 2);
        var model = new Dictionary<string, RenderedNode>(StringComparer.Ordinal);
        var order = new List<string>();
        var random = new Random(size);
        for (var step = 0; step < size * 6; step++)
        {
            var key = "k" + random.Next(size * 2);
            var value = RenderedScalar.String("v" + step);
            switch (random.Next(4))
            {
                case 0 when model.ContainsKey(key):
                    Assert.True(entries.Remove(key));
                    model.Remove(key);
                    order.Remove(key);
                    break;
                case 0:
                    Assert.False(entries.Remove(key));
                    break;
                case 1 when !model.ContainsKey(key):
                    entries.Add(key, value);
                    model[key] = value;
                    order.Add(key);
                    break;
                default:
                    if (!model.ContainsKey(key))
                    {
                        order.Add(key);
                    }

                    entries[key] = value;
                    model[key] = value;
                    break;
            }

            Assert.Equal(model.Count, entries.Count);
            Assert.Equal(order, entries.Keys);
            Assert.Equal(order, Enumerable.Range(0, entries.Count).Select(entries.KeyAt));
            Assert.Equal(order.Select(k => model[k]), entries.Values);
            foreach (var probe in Enumerable.Range(0, size * 2).Select(i => "k" + i))
            {
                Assert.Equal(model.TryGetValue(probe, out var expected), entries.TryGetValue(probe, out var found));
                Assert.Same(expected, expected is null ? null : found);
                Assert.Equal(model.ContainsKey(probe), entries.ContainsKey(probe));
            }
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void Sorting_moves_each_value_with_its_key_and_keeps_lookups_right(int size)
    {
        var entries = new RenderedEntries(capacity: 1);
        var values = new Dictionary<string, RenderedNode>(StringComparer.Ordinal);
        foreach (var i in Enumerable.Range(0, size).Reverse())
        {
            var key = "key" + (i * 7 % size).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            values[key] = RenderedScalar.String("value of " + key);
            entries[key] = values[key];
        }

        entries.SortByKey(StringComparer.Ordinal);

        Assert.Equal(values.Keys.OrderBy(k => k, StringComparer.Ordinal), entries.Keys);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Same(values[entries.KeyAt(i)], entries.ValueAt(i));
            Assert.True(entries.TryGetValue(entries.KeyAt(i), out var found));
            Assert.Same(values[entries.KeyAt(i)], found);
        }
    }

    [Fact]
    public void Getting_a_missing_key_names_it()
    {
        var entries = new RenderedEntries(capacity: 1);
        entries.Add("present", RenderedScalar.String("x"));

        var error = Assert.Throws<KeyNotFoundException>(() => entries["absent"]);

        Assert.Contains("'absent'", error.Message);
    }
}
