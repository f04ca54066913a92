using System;
using System.Text.RegularExpressions;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A CronJob that copies the Odoo filestore to object storage (<see cref="FilestoreBackupJob"/>), by <c>problem</c>.
/// <c>encryption</c>: an upload by a client that leaves encryption to the caller — <c>aws s3 cp|sync|mv</c> without
/// <c>--sse</c>, <c>s3cmd put|sync</c> without <c>--server-side-encryption</c> or <c>--encrypt</c>, <c>mc cp|mirror</c>
/// without <c>--encrypt</c>/<c>--enc-*</c>. Restic, Kopia and Borg encrypt every repository; Google Cloud Storage and
/// Azure Blob Storage encrypt at rest; rclone's <c>crypt</c> remotes live in its configuration — none is reported.
/// <c>history</c>: <c>failedJobsHistoryLimit</c> or <c>successfulJobsHistoryLimit</c> of 0, which throws away the only
/// record that the last backup failed or succeeded. <c>credentials</c>: an access key, secret key or repository password
/// written on the command line instead of coming from a Secret.
/// </summary>
public sealed class FilestoreBackupCheck : Check
{
    private static readonly Regex AwsUpload = new(@"\baws\s+s3\s+(cp|sync|mv)\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex S3cmdUpload = new(@"\bs3cmd\b.*\b(put|sync|cp)\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex McUpload = new(@"\bmc\s+(cp|mirror)\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex LiteralCredential = new(
        @"\b(AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|AWS_SESSION_TOKEN|RESTIC_PASSWORD|MINIO_SECRET_KEY|AZURE_STORAGE_KEY)=(?![""']?\$)\S+"
        + @"|--(secret-key|access-key|secret_key|access_key|password)(=|\s+)(?![""']?\$)\S+"
        + @"|\bmc\s+(alias\s+set|config\s+host\s+add)\s+\S+\s+\S+\s+(?![""']?\$)\S+\s+(?![""']?\$)\S+",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private readonly string problem;

    public FilestoreBackupCheck(CheckParameters parameters)
    {
        problem = parameters.GetChoice("problem", new[] { "encryption", "history", "credentials" }, "encryption");
    }

    public override bool AppliesToKind(string kind) => kind == "CronJob";

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (FilestoreBackupJob.Read(resource) is not { } job)
        {
            return;
        }

        switch (problem)
        {
            case "encryption":
                foreach (var step in job.Steps)
                {
                    if (UnencryptedUpload(step.Node.Value) is { } tool)
                    {
                        sink.Report(step.Node, step.Path, ViolationSink.Argument("container", step.Container.Name), ViolationSink.Argument("tool", tool));
                    }
                }

                break;
            case "history":
                foreach (var field in new[] { "failedJobsHistoryLimit", "successfulJobsHistoryLimit" })
                {
                    if (job.CronJobSpec.GetScalar(field) is { IsNull: false } limit && limit.Value == "0")
                    {
                        sink.Report(limit, "spec." + field, ViolationSink.Argument("field", field));
                    }
                }

                break;
            default:
                foreach (var step in job.Steps)
                {
                    if (LiteralCredential.IsMatch(step.Node.Value))
                    {
                        sink.Report(step.Node, step.Path, ViolationSink.Argument("container", step.Container.Name));
                    }
                }

                break;
        }
    }

    /// <summary>The client of an upload in <paramref name="commandLine"/> that asks for no encryption, or null.</summary>
    private static string? UnencryptedUpload(string commandLine)
    {
        if (AwsUpload.IsMatch(commandLine) && commandLine.IndexOf("--sse", StringComparison.Ordinal) < 0)
        {
            return "aws s3";
        }

        if (S3cmdUpload.IsMatch(commandLine) && commandLine.IndexOf("--server-side-encryption", StringComparison.Ordinal) < 0
            && commandLine.IndexOf("--encrypt", StringComparison.Ordinal) < 0 && !Regex.IsMatch(commandLine, @"\s-e\b"))
        {
            return "s3cmd";
        }

        if (McUpload.IsMatch(commandLine) && commandLine.IndexOf("--encrypt", StringComparison.Ordinal) < 0
            && commandLine.IndexOf("--enc-", StringComparison.Ordinal) < 0)
        {
            return "mc";
        }

        return null;
    }
}
