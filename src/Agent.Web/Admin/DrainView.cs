namespace Agent.Web.Admin;

public sealed record DrainView(bool Draining, int InFlightOperations);
