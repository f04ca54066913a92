using System;
using System.Collections.Generic;
using PolicyKit.Provenance.Certificates;

namespace PolicyKit.Provenance.Verification;

/// <summary>
/// A bundle that verified against its artifact and trusted root: who signed it (certificate) or that a given key did,
/// the verified signing times, and the in-toto statement when the content was a DSSE envelope.
/// </summary>
public sealed record VerifiedBundle(SigningCertificate? Certificate, IReadOnlyList<DateTimeOffset> SigningTimes, InTotoStatement? Statement);
