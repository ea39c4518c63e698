# Multi-stage build of the agent (default target, so it stays the last stage), the sandbox (target "sandbox") and the
# gateway (target "gateway", docs/gateway.md); docker-compose.yml uses all three.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig HybridAgent.sln ./
COPY src/Agent.Core/Agent.Core.csproj src/Agent.Core/
COPY src/Agent.Web/Agent.Web.csproj src/Agent.Web/
COPY src/Agent.Gateway/Agent.Gateway.csproj src/Agent.Gateway/
COPY tools/Agent.Sandbox/Agent.Sandbox.csproj tools/Agent.Sandbox/
RUN dotnet restore src/Agent.Web/Agent.Web.csproj && dotnet restore src/Agent.Gateway/Agent.Gateway.csproj \
 && dotnet restore tools/Agent.Sandbox/Agent.Sandbox.csproj
COPY src/ src/
COPY tools/ tools/
RUN dotnet publish src/Agent.Web/Agent.Web.csproj -c Release --no-restore -o /out/agent \
 && dotnet publish src/Agent.Gateway/Agent.Gateway.csproj -c Release --no-restore -o /out/gateway \
 && dotnet publish tools/Agent.Sandbox/Agent.Sandbox.csproj -c Release --no-restore -o /out/sandbox

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS sandbox
WORKDIR /app
COPY --from=build /out/sandbox .
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Agent.Sandbox.dll", "--urls", "http://0.0.0.0:8080"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS gateway
WORKDIR /app
COPY --from=build /out/gateway .
# The one writable place: the SQLite database (GATEWAY_SQLITE_PATH) and the Data Protection keys beside it, owned by the
# image's unprivileged "app" user. A volume, so the state survives a new container (docker-compose.yml names it).
RUN mkdir -p /var/lib/agent-gateway && chown "$APP_UID" /var/lib/agent-gateway
VOLUME /var/lib/agent-gateway
USER $APP_UID
ENV GATEWAY_PORT=8080 GATEWAY_METRICS_PORT=8989 GATEWAY_ADMIN_PORT=8587 LOG_FORMAT=json
# 8080 Airflow routes and the agents' WebSocket, 8989 /metrics /health /ready, 8587 admin API (loopback without a key).
EXPOSE 8080 8989 8587
# No curl or wget in the aspnet image, and no `dotnet` start every 30 s: bash's /dev/tcp asks /health on the metrics
# port and succeeds only on a 200 status line. Kubernetes ignores HEALTHCHECK and uses the Deployment's probes.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${GATEWAY_METRICS_PORT:-8989} && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r -t 5 status <&3 && [[ $status == 'HTTP/1.1 200 '* ]]"]
ENTRYPOINT ["dotnet", "Agent.Gateway.dll"]

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
