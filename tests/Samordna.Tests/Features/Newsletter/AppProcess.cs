using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Features.Newsletter;

/// <summary>
/// The built application (src/Samordna.Web/bin/…/Samordna.Web.dll) as a child process of its own, on a loopback
/// port, configured through environment variables. Unlike the in-process test host it can be killed for real.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static string WebAssemblyPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        // …/tests/Samordna.Tests/bin/<Configuration>/net10.0/
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = new DirectoryInfo(RepositoryRoot.FullName);
        var dll = Path.Combine(root.FullName, "src", "Samordna.Web", "bin", configuration, framework, "Samordna.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build the web project first: {dll} is missing.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the application and waits until /health answers.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dll = WebAssemblyPath();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // "Urls" rather than ASPNETCORE_URLS: appsettings.json sets Urls, which would win over the ASPNETCORE_ variable.
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The application exited with {process.ExitCode}:\n{app.Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(200, cancellationToken);
        }
        await app.DisposeAsync();
        throw new TimeoutException("The application did not answer /health within 90 seconds:\n" + app.Output);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no finally blocks, as in a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
        }
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }
}
