using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// Version 7 (time-ordered) Guids that also increase within one millisecond, per RFC 9562 section 6.2 method 1:
/// the 12 bits after the timestamp count up when the clock has not moved. Guid.CreateVersion7 fills them at random,
/// so two ids of the same millisecond would sort at random, and "oldest first" would not be the order of creation.
/// The text form (how SQLite stores it) and the byte form (PostgreSQL's uuid order) both sort in creation order.
/// </summary>
public static class MonotonicGuid
{
    private static readonly Lock Gate = new();
    private static long lastMilliseconds = -1;
    private static int counter;

    public static Guid Next(DateTimeOffset now)
    {
        long milliseconds;
        int sequence;
        lock (Gate)
        {
            milliseconds = Math.Max(now.ToUnixTimeMilliseconds(), lastMilliseconds);
            if (milliseconds == lastMilliseconds)
            {
                if (++counter > 0xFFF)
                {
                    // 4096 ids in one millisecond: borrow the next millisecond rather than lose the order.
                    milliseconds++;
                    counter = 0;
                }
            }
            else
            {
                counter = 0;
            }
            lastMilliseconds = milliseconds;
            sequence = counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        bytes[6] = (byte)(0x70 | (sequence >> 8)); // version 7, then the counter's high bits
        bytes[7] = (byte)sequence;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
