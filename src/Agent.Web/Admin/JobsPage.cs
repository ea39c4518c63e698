namespace Agent.Web.Admin;

public sealed record JobsPage(IReadOnlyList<JobView> Items, int Total, int Page, int PageSize);
