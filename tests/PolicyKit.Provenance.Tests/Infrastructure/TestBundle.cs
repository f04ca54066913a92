using System.Text.Json.Nodes;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Tests.Infrastructure;

/// <summary>A bundle produced by the test infrastructure: its JSON (mutable, to break it) and the artifact it signs.</summary>
internal sealed record TestBundle(JsonObject Json, Artifact Artifact, byte[] SigningKeyDer)
{
    public byte[] Bytes => System.Text.Encoding.UTF8.GetBytes(Json.ToJsonString());

    public SigstoreBundle Parse() => BundleParser.Parse(Bytes);

    public JsonObject Material => Json["verificationMaterial"]!.AsObject();

    public JsonObject Entry => Material["tlogEntries"]![0]!.AsObject();
}
