namespace Agent.Web.Admin;

internal sealed record JobsPage(IReadOnlyList<JobView> Items, int Total, int Page, int PageSize);
