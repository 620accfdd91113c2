using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DeltaSdk.Server.Http;

/// <summary>
/// The configured API keys, held only as SHA-256 digests (so that comparisons take the same time whatever the length
/// of what is presented) and compared in constant time. Neither a key nor its digest is ever logged.
/// </summary>
internal sealed class ApiKeyRing(IOptions<DeltaServerOptions> options)
{
    private readonly (byte[] Digest, bool CanWrite)[] _keys = [.. options.Value.ApiKeys.Select(static k => (Digest(k.Key), k.CanWrite))];

    /// <summary>Finds the key presented; returns its position among the configured keys and its rights, or null.</summary>
    public (int Index, bool CanWrite)? Find(string presented)
    {
        var digest = Digest(presented);
        var match = -1;
        for (var i = 0; i < _keys.Length; i++)
        {
            // Visit every key whatever matches, so that timing says nothing about which key is close.
            if (CryptographicOperations.FixedTimeEquals(digest, _keys[i].Digest))
            {
                match = i;
            }
        }

        return match < 0 ? null : (match, _keys[match].CanWrite);
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
