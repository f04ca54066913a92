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
            Assert.Equal(order, entries.CopyKeys());
            Assert.Equal(order, entries.Keys);
            Assert.Equal(order.Select(k => model[k]), entries.Values);
            foreach (var probe in Enumerable.Range(0, size * 2).Select(i => "k" + i))
            {
                Assert.Equal(model.TryGetValue(probe, out var expected), entries.TryGetValue(probe, out var found));
                Assert.Same(expected, expected is null ? null : found);
                Assert.Equal(model.ContainsKey(probe), entries.ContainsKey(probe));
            }
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
