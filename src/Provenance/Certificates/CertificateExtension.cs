namespace PolicyKit.Provenance.Certificates;

/// <summary>One certificate extension: its OID, criticality and the DER value inside its OCTET STRING.</summary>
internal sealed record CertificateExtension(string Oid, bool Critical, byte[] Value);
