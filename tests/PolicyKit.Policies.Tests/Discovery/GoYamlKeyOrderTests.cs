using System;
using System.Linq;
using PolicyKit.Policies.Discovery.InProcessKustomize;

namespace PolicyKit.Policies.Tests.Discovery;

public sealed class GoYamlKeyOrderTests
{
    // The order `kubectl kustomize` (v5.5) printed these keys of one ConfigMap's data in.
    private static readonly string[] KubectlOrder =
    {
        "-", "_x", "9", "10", "Port", "Z", "a0", "a00", "a1", "a01", "a10a", "a10b", "api2v", "api10v", "apiv", "b-1", "b1",
        "e", "f", "port", "port9", "port10", "x", "x-y", "x.y", "x_y", "xy", "z", "é",
    };

    [Fact]
    public void Keys_sort_as_kubectl_prints_them_from_any_starting_order()
    {
        var random = new Random(20261203);
        for (var round = 0; round < 20; round++)
        {
            var keys = KubectlOrder.OrderBy(_ => random.Next()).ToArray();

            Array.Sort(keys, GoYamlKeyOrder.Instance);

            Assert.Equal(KubectlOrder, keys);
        }
    }

    [Fact]
    public void Every_pair_compares_consistently_both_ways()
    {
        foreach (var x in KubectlOrder)
        {
            foreach (var y in KubectlOrder)
            {
                var expected = Math.Sign(Array.IndexOf(KubectlOrder, x).CompareTo(Array.IndexOf(KubectlOrder, y)));
                Assert.Equal(expected, Math.Sign(GoYamlKeyOrder.Instance.Compare(x, y)));
            }
        }
    }
}
