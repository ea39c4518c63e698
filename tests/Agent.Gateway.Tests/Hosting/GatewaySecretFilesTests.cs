using Agent.Gateway.Airflow;
using Agent.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.Gateway.Tests.Hosting;

/// <summary>The <c>_FILE</c> variants: read once, trailing newline dropped, what each slice then sees, never echoed.</summary>
public sealed class GatewaySecretFilesTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gateway-secrets-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("AIRFLOW_PASSWORD_FILE", "from-the-file\n", "from-the-file")]
    [InlineData("AIRFLOW_PASSWORD_FILE", "ends in a space \r\n", "ends in a space ")]
    [InlineData("GATEWAY_ADMIN_API_KEY_FILE", "admin-key-of-32-characters-long!\n", "admin-key-of-32-characters-long!")]
    [InlineData("GATEWAY_POSTGRES_CONNECTION_FILE", "Host=db;Username=gateway;Password=s3cret\n", "Host=db;Username=gateway;Password=s3cret")]
    public void SecretFile_IsReadWithoutItsTrailingNewline(string variable, string content, string expected)
    {
        var settings = new Dictionary<string, string?> { [variable] = Write(content), ["GATEWAY_STORE"] = Store(variable) };
        if (variable == "AIRFLOW_PASSWORD_FILE")
        {
            settings["AIRFLOW_PASSWORD"] = null;
        }

        var options = Read(settings);

        var value = variable switch
        {
            "AIRFLOW_PASSWORD_FILE" => options.AirflowPassword,
            "GATEWAY_ADMIN_API_KEY_FILE" => options.AdminApiKey,
            _ => options.PostgresConnection,
        };
        Assert.Equal(expected, value);
        Assert.True(new GatewayOptionsRules().Validate(null, options).Succeeded);
    }

    [Fact]
    public void PasswordFile_IsThePasswordTheAirflowRoutesCheck()
    {
        var builder = Builder(new() { ["AIRFLOW_PASSWORD"] = null, ["AIRFLOW_PASSWORD_FILE"] = Write("from-file\n") });
        builder.AddAirflowApi();
        using var services = builder.Services.BuildServiceProvider();

        var settings = services.GetRequiredService<AirflowApiSettings>();

        Assert.Equal(("admin", "from-file", "1.13.3"), (settings.Username, settings.Password, settings.OpenMetadataVersion));
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10)), (settings.DeployTimeout, settings.RequestTimeout));
    }

    [Theory]
    [InlineData("AIRFLOW_PASSWORD_FILE")]
    [InlineData("GATEWAY_ADMIN_API_KEY_FILE")]
    [InlineData("GATEWAY_POSTGRES_CONNECTION_FILE")]
    public void EmptyFile_IsRefusedNamingTheVariable(string variable)
    {
        var options = Read(new() { [variable] = Write("\n"), ["AIRFLOW_PASSWORD"] = null, ["GATEWAY_STORE"] = Store(variable) });

        var result = new GatewayOptionsRules().Validate(null, options);

        Assert.Contains(result.Failures!, failure => failure.StartsWith($"{variable} names an empty file", StringComparison.Ordinal));
    }

    [Fact]
    public void BadConnectionInAFile_NamesTheFileVariable_NeverTheContent()
    {
        var options = Read(new() { ["GATEWAY_STORE"] = "postgres", ["GATEWAY_POSTGRES_CONNECTION_FILE"] = Write("Nonsense=1;Password=hunter2\n") });

        var failure = Assert.Single(new GatewayOptionsRules().Validate(null, options).Failures!);

        Assert.Equal("GATEWAY_POSTGRES_CONNECTION_FILE is not a valid Npgsql connection string", failure);
    }

    private static string Store(string variable) => variable == "GATEWAY_POSTGRES_CONNECTION_FILE" ? "postgres" : "sqlite";

    private string Write(string content)
    {
        var path = Path.Combine(_directory.FullName, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }

    private static GatewayOptions Read(Dictionary<string, string?> settings) => Builder(settings).GatewayOptions();

    private static WebApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var effective = new Dictionary<string, string?>(GatewayTestHost.DefaultSettings());
        foreach (var (key, value) in settings)
        {
            effective[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(effective.Where(pair => pair.Value is not null));
        return builder;
    }
}
