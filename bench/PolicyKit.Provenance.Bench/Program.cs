using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

// Usage: PolicyKit.Provenance.Bench BUNDLE ARTIFACT_FILE_OR_sha256:DIGEST [TRUSTED_ROOT] [RUNS]
// Parses and verifies the bundle RUNS times after a warm-up and prints the median and 95th percentile per bundle.
// Each run re-parses the bundle and rebuilds the verifier: what one distinct image digest costs in a gate run.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: PolicyKit.Provenance.Bench BUNDLE ARTIFACT_FILE_OR_sha256:DIGEST [TRUSTED_ROOT] [RUNS]");
    return 2;
}

var bundleBytes = File.ReadAllBytes(args[0]);
var artifact = Artifact.FromDigest(args[1]) ?? Artifact.FromContent(File.ReadAllBytes(args[1]));
var root = args.Length > 2 ? TrustedRootParser.Parse(File.ReadAllBytes(args[2])) : TrustedRootParser.PublicGood;
var runs = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2000;

void VerifyOnce() => new BundleVerifier(root).Verify(BundleParser.Parse(bundleBytes), artifact);

for (var i = 0; i < 200; i++)
{
    VerifyOnce();
}

var times = new double[runs];
for (var i = 0; i < runs; i++)
{
    var clock = Stopwatch.StartNew();
    VerifyOnce();
    times[i] = clock.Elapsed.TotalMilliseconds;
}

Array.Sort(times);
Console.WriteLine($"{Path.GetFileName(args[0])}: {runs} warm verifications, median {times[runs / 2]:F3} ms, p95 {times[(int)(runs * 0.95)]:F3} ms, mean {times.Average():F3} ms");
return 0;
