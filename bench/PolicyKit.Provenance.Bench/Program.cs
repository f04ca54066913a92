using System;
using System.Globalization;
using PolicyKit.Provenance.Bench;

// PolicyKit.Provenance.Bench BUNDLE ARTIFACT_FILE_OR_sha256:DIGEST [TRUSTED_ROOT] [RUNS]
//   times warm verifications of one bundle (median and p90 wall and CPU time per verification)
// PolicyKit.Provenance.Bench corpus-evidence CORPUS_DIR OUTPUT_DIR
//   writes synthetic evidence for every digest the corpus pins, its trusted root and two policies
// PolicyKit.Provenance.Bench corpus-check OUTPUT_DIR [RUNS]
//   times the check of OUTPUT_DIR/corpus without and with the provenance policy, in one warm process
// See docs/performance.md, "Provenance".
if (args.Length == 3 && args[0] == "corpus-evidence")
{
    return CorpusEvidence.Write(args[1], args[2]);
}

if (args.Length is 2 or 3 && args[0] == "corpus-check")
{
    return CorpusCheckTiming.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
}

if (args.Length is < 2 or > 4)
{
    Console.Error.WriteLine("usage: PolicyKit.Provenance.Bench BUNDLE ARTIFACT_FILE_OR_sha256:DIGEST [TRUSTED_ROOT] [RUNS]");
    Console.Error.WriteLine("       PolicyKit.Provenance.Bench corpus-evidence CORPUS_DIR OUTPUT_DIR");
    Console.Error.WriteLine("       PolicyKit.Provenance.Bench corpus-check OUTPUT_DIR [RUNS]");
    return 2;
}

var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3000;
return VerificationTiming.Run(args[0], args[1], args.Length > 2 ? args[2] : null, runs);
