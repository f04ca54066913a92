using System;
using System.CommandLine;
using System.Linq;
using PolicyKit.Gate;
using PolicyKit.Gate.Commands;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Reports;
using PolicyKit.Policies.Rules;

var root = new RootCommand("PolicyKit: policy-as-code gate for Kubernetes manifests (Odoo-on-Kubernetes ready). Exit codes: 0 pass; 1 blocking findings; 2 usage or configuration error; 3 internal error (a PolicyKit defect).")
{
    CheckCommand.Create(),
    RulesCommand.Create(),
    ExceptionsCommand.Create(),
    MetricsCommand.Create(),
    ExplainCommand.Create(),
    InitCommand.Create(),
    VerifyBundleCommand.Create(),
};

try
{
    var parse = root.Parse(args);
    if (args.Length == 0)
    {
        // Nothing asked: what the tool can do, rather than "Required command was not provided".
        root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = Console.Error });
        return ExitCodes.UsageError;
    }

    if (parse.Errors.Count > 0)
    {
        if (parse.CommandResult.Command == root && args.Length > 0 && !args[0].StartsWith('-'))
        {
            var nearest = NearestNames.Find(args[0], root.Subcommands.Select(c => c.Name));
            var suggestion = nearest.Count == 0 ? string.Empty : $"; did you mean '{string.Join("' or '", nearest)}'?";
            Console.Error.WriteLine($"policykit: unknown command '{args[0]}'{suggestion} (see 'policykit --help')");
            return ExitCodes.UsageError;
        }

        if (parse.CommandResult.Command.Subcommands.Count > 0 && parse.CommandResult.Command != root && parse.UnmatchedTokens.Count == 0)
        {
            // A command group without its subcommand: its own help says what it can do.
            Console.Error.WriteLine($"policykit: '{parse.CommandResult.Command.Name}' needs a subcommand");
            root.Parse([.. parse.Tokens.Select(t => t.Value), "--help"]).Invoke(new InvocationConfiguration { Output = Console.Error });
            return ExitCodes.UsageError;
        }

        Console.Error.WriteLine($"policykit: {parse.Errors[0].Message} (see 'policykit --help')");
        return ExitCodes.UsageError;
    }

    // Our handlers below own error reporting: System.CommandLine's default handler would print a stack trace.
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException exception)
{
    Console.Error.WriteLine($"policykit: {exception.Message}");
    return ExitCodes.UsageError;
}
catch (PolicyKit.Policies.Git.GitException exception)
{
    Console.Error.WriteLine($"policykit: {exception.Message}");
    return ExitCodes.UsageError;
}
catch (PolicyKit.Policies.Diff.BaselineReportException exception)
{
    Console.Error.WriteLine($"policykit: {exception.Message}");
    return ExitCodes.UsageError;
}
catch (EvaluationRequestException exception)
{
    Console.Error.WriteLine($"policykit: {exception.Message}");
    return ExitCodes.UsageError;
}
catch (PolicyDefinitionException exception)
{
    Console.Error.WriteLine($"policykit: {exception.Message}");
    return ExitCodes.UsageError;
}
catch (Exception exception)
{
    // A defect of ours: one line for the user; the stack trace only on request, never by default.
    Console.Error.WriteLine($"policykit: internal error ({exception.GetType().Name}: {exception.Message}); please report it. Set POLICYKIT_DEBUG=1 for details.");
    if (Environment.GetEnvironmentVariable("POLICYKIT_DEBUG") == "1")
    {
        Console.Error.WriteLine(exception);
    }

    return ExitCodes.InternalError;
}
