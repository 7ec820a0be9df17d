using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// A small SMTP client for bulk sending (newsletters), where System.Net.Mail stalls about 40 ms per message (Nagle
/// and delayed ACK). It sets TCP_NODELAY, uses PIPELINING (RFC 2920) when the server offers it, so a message costs
/// two round trips, and keeps its connections open between messages: each concurrent caller uses a connection of
/// its own from a pool. STARTTLS (required when Email:Smtp:EnableSsl) and AUTH PLAIN/LOGIN are supported.
/// Same contract as every <see cref="IEmailTransport"/>: a 5xx answer for the recipient or the message throws
/// <see cref="EmailRejectedException"/>; anything else that fails throws something to retry later.
/// </summary>
public sealed class PipelinedSmtpTransport(IOptions<EmailOptions> options) : IEmailTransport, IAsyncDisposable, IDisposable
{
    private readonly ConcurrentBag<SmtpConnection> idle = [];

    /// <summary>Connections opened since start (for tests and benchmarks: reuse keeps this at the parallelism).</summary>
    public int ConnectionsOpened => connectionsOpened;

    private int connectionsOpened;

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var content = MimeWriter.Write(email, settings.From, settings.FromName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.Smtp.TimeoutSeconds));
        var token = timeout.Token;
        try
        {
            // A pooled connection may have been closed by the server while idle: then try once more on a new one.
            while (idle.TryTake(out var pooled))
            {
                var outcome = await TrySendAsync(pooled, settings.From, email.To, content, reused: true, token);
                if (outcome)
                {
                    return;
                }
            }
            var connection = await OpenAsync(settings.Smtp, token);
            await TrySendAsync(connection, settings.From, email.To, content, reused: false, token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server {settings.Smtp.Host}:{settings.Smtp.Port} did not answer within {settings.Smtp.TimeoutSeconds} seconds.");
        }
    }

    /// <summary>True when sent; false when a reused connection turned out to be dead before anything was accepted.</summary>
    private async Task<bool> TrySendAsync(SmtpConnection connection, string from, string to, byte[] content, bool reused, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendAsync(from, to, content, cancellationToken);
        }
        catch (SmtpReplyException ex) when (ex.Code == 421 && reused && connection.NothingAccepted)
        {
            // "Closing connection" from a server that timed out the idle session.
            await connection.DisposeAsync();
            return false;
        }
        catch (SmtpReplyException ex)
        {
            // The server answered: the connection is still in step after RSET, unless the answer ended it (421).
            if (ex.Code != 421 && await connection.TryResetAsync(cancellationToken))
            {
                Return(connection);
            }
            else
            {
                await connection.DisposeAsync();
            }
            if (ex.Code is >= 500 and < 600)
            {
                throw new EmailRejectedException($"The SMTP server refused the message for good: {ex.Message}", ex);
            }
            throw;
        }
        catch (Exception ex) when (reused && connection.NothingAccepted && ex is IOException or SocketException or SmtpProtocolException)
        {
            await connection.DisposeAsync();
            return false;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        Return(connection);
        return true;
    }

    private void Return(SmtpConnection connection)
    {
        if (idle.Count < 64)
        {
            idle.Add(connection);
        }
        else
        {
            _ = connection.DisposeAsync().AsTask();
        }
    }

    private async Task<SmtpConnection> OpenAsync(SmtpSettings settings, CancellationToken cancellationToken)
    {
        var connection = await SmtpConnection.OpenAsync(settings, HelloName(), cancellationToken);
        Interlocked.Increment(ref connectionsOpened);
        return connection;
    }

    private string HelloName()
    {
        var from = options.Value.From;
        var at = from.LastIndexOf('@');
        return at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "localhost";
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var connection))
        {
            await connection.QuitAsync();
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var connection))
        {
            connection.Abort();
        }
    }
}

/// <summary>The server answered with an error code.</summary>
public sealed class SmtpReplyException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

/// <summary>The server said something that is not SMTP, or lacks what the settings require (e.g. STARTTLS).</summary>
public sealed class SmtpProtocolException(string message) : Exception(message);

/// <summary>One SMTP session over a socket with TCP_NODELAY.</summary>
internal sealed class SmtpConnection : IAsyncDisposable
{
    private readonly Socket socket;
    private Stream stream;
    private readonly byte[] buffer = new byte[8192];
    private int start;
    private int end;
    private bool pipelining;
    private bool disposed;

    private SmtpConnection(Socket socket, Stream stream)
    {
        this.socket = socket;
        this.stream = stream;
    }

    /// <summary>True until the server has accepted a command of the current message (a dead pooled connection shows this).</summary>
    public bool NothingAccepted { get; private set; } = true;

    public static async Task<SmtpConnection> OpenAsync(SmtpSettings settings, string helloName, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        SmtpConnection? connection = null;
        try
        {
            await socket.ConnectAsync(settings.Host, settings.Port, cancellationToken);
            connection = new SmtpConnection(socket, new NetworkStream(socket, ownsSocket: false));
            await connection.ExpectAsync(220, cancellationToken);
            var extensions = await connection.HelloAsync(helloName, cancellationToken);
            if (settings.EnableSsl)
            {
                if (!extensions.Contains("STARTTLS"))
                {
                    throw new SmtpProtocolException($"The SMTP server {settings.Host}:{settings.Port} does not offer STARTTLS, and Email:Smtp:EnableSsl is on.");
                }
                await connection.CommandAsync("STARTTLS", 220, cancellationToken);
                var ssl = new SslStream(connection.stream, leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = settings.Host }, cancellationToken);
                connection.stream = ssl;
                extensions = await connection.HelloAsync(helloName, cancellationToken);
            }
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await connection.AuthenticateAsync(extensions, settings.UserName, settings.Password, cancellationToken);
            }
            connection.pipelining = extensions.Contains("PIPELINING");
            return connection;
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            else
            {
                socket.Dispose();
            }
            throw;
        }
    }

    public async Task SendAsync(string from, string to, byte[] content, CancellationToken cancellationToken)
    {
        NothingAccepted = true;
        var envelope = $"MAIL FROM:<{from}>\r\nRCPT TO:<{to}>\r\nDATA\r\n";
        if (pipelining)
        {
            await WriteAsync(envelope, cancellationToken);
            var mail = await ReadReplyAsync(cancellationToken);
            var rcpt = await ReadReplyAsync(cancellationToken);
            var data = await ReadReplyAsync(cancellationToken);
            if (data.Code == 354 && (mail.Code != 250 || rcpt.Code is not (250 or 251)))
            {
                // RFC 2920 3.1: DATA accepted despite a refused sender or recipient; end the empty message.
                await WriteAsync(".\r\n", cancellationToken);
                await ReadReplyAsync(cancellationToken);
            }
            Check(mail, 250, "MAIL FROM");
            NothingAccepted = false;
            Check(rcpt, 250, "RCPT TO");
            Check(data, 354, "DATA");
        }
        else
        {
            await CommandAsync($"MAIL FROM:<{from}>", 250, cancellationToken);
            NothingAccepted = false;
            await CommandAsync($"RCPT TO:<{to}>", 250, cancellationToken);
            await CommandAsync("DATA", 354, cancellationToken);
        }
        await stream.WriteAsync(Stuffed(content), cancellationToken);
        await stream.WriteAsync(Terminator, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        Check(await ReadReplyAsync(cancellationToken), 250, "end of data");
    }

    private static readonly byte[] Terminator = ".\r\n"u8.ToArray();

    /// <summary>The content with CRLF at the end and every line that starts with a dot doubled (RFC 5321 4.5.2).</summary>
    private static ReadOnlyMemory<byte> Stuffed(byte[] content)
    {
        var needsStuffing = content.Length > 0 && content[0] == (byte)'.';
        for (var i = 1; i < content.Length && !needsStuffing; i++)
        {
            needsStuffing = content[i] == (byte)'.' && content[i - 1] == (byte)'\n';
        }
        var endsWithNewLine = content.Length >= 2 && content[^2] == (byte)'\r' && content[^1] == (byte)'\n';
        if (!needsStuffing && endsWithNewLine)
        {
            return content;
        }
        var output = new MemoryStream(content.Length + 64);
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == (byte)'.' && (i == 0 || content[i - 1] == (byte)'\n'))
            {
                output.WriteByte((byte)'.');
            }
            output.WriteByte(content[i]);
        }
        if (!endsWithNewLine)
        {
            output.Write("\r\n"u8);
        }
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    public async Task<bool> TryResetAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CommandAsync("RSET", 250, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpReplyException or SmtpProtocolException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<HashSet<string>> HelloAsync(string helloName, CancellationToken cancellationToken)
    {
        await WriteAsync($"EHLO {helloName}\r\n", cancellationToken);
        var reply = await ReadReplyAsync(cancellationToken);
        Check(reply, 250, "EHLO");
        return reply.Lines.Skip(1)
            .Select(l => l.Split(' ', 2)[0].ToUpperInvariant())
            .Concat(reply.Lines.Skip(1).Where(l => l.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase))
                .SelectMany(l => l.Split(' ').Skip(1).Select(m => "AUTH=" + m.ToUpperInvariant())))
            .ToHashSet(StringComparer.Ordinal);
    }

    private async Task AuthenticateAsync(HashSet<string> extensions, string user, string password, CancellationToken cancellationToken)
    {
        if (extensions.Contains("AUTH=PLAIN") || !extensions.Contains("AUTH=LOGIN"))
        {
            var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}"));
            await CommandAsync("AUTH PLAIN " + plain, 235, cancellationToken);
            return;
        }
        await CommandAsync("AUTH LOGIN", 334, cancellationToken);
        await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(user)), 334, cancellationToken);
        await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), 235, cancellationToken);
    }

    private async Task CommandAsync(string command, int expected, CancellationToken cancellationToken)
    {
        await WriteAsync(command + "\r\n", cancellationToken);
        Check(await ReadReplyAsync(cancellationToken), expected, command.Split(' ', 2)[0]);
    }

    private async Task ExpectAsync(int expected, CancellationToken cancellationToken) =>
        Check(await ReadReplyAsync(cancellationToken), expected, "greeting");

    private static void Check(SmtpReply reply, int expected, string step)
    {
        if (reply.Code != expected && !(expected == 250 && reply.Code is 250 or 251))
        {
            throw new SmtpReplyException(reply.Code, $"{step}: {reply.Code} {string.Join(" ", reply.Lines)}");
        }
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private async Task<SmtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                throw new SmtpProtocolException($"Not an SMTP reply: '{line}'.");
            }
            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpReply(code, lines);
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                var length = newline - start;
                if (length > 0 && buffer[newline - 1] == (byte)'\r')
                {
                    length--;
                }
                var line = Encoding.UTF8.GetString(buffer, start, length);
                start = newline + 1;
                return line;
            }
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length)
            {
                throw new SmtpProtocolException("An SMTP reply line is too long.");
            }
            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The SMTP server closed the connection.");
            }
            end += read;
        }
    }

    public async Task QuitAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await WriteAsync("QUIT\r\n", timeout.Token);
            await ReadReplyAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing anyway.
        }
        await DisposeAsync();
    }

    public void Abort()
    {
        if (!disposed)
        {
            disposed = true;
            stream.Dispose();
            socket.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            await stream.DisposeAsync();
            socket.Dispose();
        }
    }

    private sealed record SmtpReply(int Code, List<string> Lines);
}
