using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Secrets;

/// <summary>Whether one secret-bearing object meets the rotation policy, why, and the node the verdict rests on.</summary>
public sealed record RotationAssessment(Resource Resource, bool Compliant, string Reason, YamlNode At, string FieldPath);
