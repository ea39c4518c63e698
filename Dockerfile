# Multi-stage build of the agent (default target) and of the sandbox (target "sandbox", used by docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig HybridAgent.sln ./
COPY src/Agent.Core/Agent.Core.csproj src/Agent.Core/
COPY src/Agent.Web/Agent.Web.csproj src/Agent.Web/
COPY tools/Agent.Sandbox/Agent.Sandbox.csproj tools/Agent.Sandbox/
RUN dotnet restore src/Agent.Web/Agent.Web.csproj && dotnet restore tools/Agent.Sandbox/Agent.Sandbox.csproj
COPY src/ src/
COPY tools/ tools/
RUN dotnet publish src/Agent.Web/Agent.Web.csproj -c Release --no-restore -o /out/agent \
 && dotnet publish tools/Agent.Sandbox/Agent.Sandbox.csproj -c Release --no-restore -o /out/sandbox

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS sandbox
WORKDIR /app
COPY --from=build /out/sandbox .
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Agent.Sandbox.dll", "--urls", "http://0.0.0.0:8080"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS agent
WORKDIR /app
COPY --from=build /out/agent .
# The image's unprivileged "app" user; the agent needs no root and writes nothing to disk.
USER $APP_UID
ENV METRICS_SERVER_PORT=8989 ADMIN_SERVER_PORT=8585 LOG_FORMAT=json
EXPOSE 8989 8585
# The aspnet image has no curl or wget: the agent probes its own /health (METRICS_SERVER_PORT) and exits 0 or 1.
# Kubernetes ignores HEALTHCHECK and uses the Deployment's probes instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["dotnet", "/app/Agent.Web.dll", "--health-check"]
ENTRYPOINT ["dotnet", "Agent.Web.dll"]
