using System;
using PolicyKit.Analyzers.Bench;

return args.Length switch
{
    >= 2 when args[0] == "scan" => SourceScan.Run(args[1]),
    >= 2 when args[0] == "profile" => AnalyzerProfile.Run(args[1], args.Length > 2 && int.TryParse(args[2], out var runs) ? runs : 5),
    >= 3 when args[0] == "generate" && int.TryParse(args[2], out var count) => SolutionGenerator.Run(args[1], count, args.Length > 3 ? args[3] : null),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: PolicyKit.Analyzers.Bench scan ROOT | profile GENERATED_DIR [RUNS] | generate DIR FILE_COUNT [PACKAGE_FEED]");
    return 2;
}
