using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Features.Newsletter;

/// <summary>A list people can subscribe to, e.g. "Nyhetsbrev" or "Inbjudningar till webbinarier".</summary>
public sealed class NewsletterList
{
    public const int SlugMaxLength = 40;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 300;

    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public int SortOrder { get; set; }
}

public enum SubscriberStatus
{
    /// <summary>Signed up but has not clicked the confirmation link: gets no campaigns.</summary>
    Pending,
    Confirmed,
    Unsubscribed,

    /// <summary>The receiving server refused the address for good (5xx): gets no more campaigns.</summary>
    Bounced,
}

/// <summary>One e-mail address on the newsletter, with the evidence of its consent.</summary>
public sealed class Subscriber
{
    public const int EmailMaxLength = 254;
    public const int NameMaxLength = 100;
    public const int ConsentVersionMaxLength = 20;
    public const int ConsentSourceMaxLength = 40;
    public const int ConsentEvidenceMaxLength = 500;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; }

    /// <summary>The address as typed (trimmed).</summary>
    public string Email { get; set; } = "";

    /// <summary>Lower-case address: one subscriber per address.</summary>
    public string NormalizedEmail { get; set; } = "";

    public string? Name { get; set; }

    public SubscriberStatus Status { get; set; }

    /// <summary>Version of the consent text the person agreed to (<see cref="NewsletterConsent.Version"/>).</summary>
    public string ConsentVersion { get; set; } = "";

    public DateTimeOffset ConsentAt { get; set; }

    /// <summary>Where the consent was given: the web form or an import.</summary>
    public string ConsentSource { get; set; } = "";

    /// <summary>For imported subscribers: what shows the consent (e.g. "Anmälan på frukostmöte 2026-03-12").</summary>
    public string? ConsentEvidence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? UnsubscribedAt { get; set; }

    public DateTimeOffset? BouncedAt { get; set; }

    public string? BounceReason { get; set; }

    /// <summary>When the last confirmation or "already subscribed" e-mail went out: at most one per few minutes.</summary>
    public DateTimeOffset? LastNoticeAt { get; set; }

    public List<Subscription> Subscriptions { get; set; } = [];
}

/// <summary>A subscriber's choice of one list.</summary>
public sealed class Subscription
{
    public Guid SubscriberId { get; set; }

    public int ListId { get; set; }

    public Subscriber? Subscriber { get; set; }

    public NewsletterList? List { get; set; }
}

public enum CampaignStatus
{
    Draft,
    Scheduled,
    Sending,
    Sent,
}

/// <summary>One newsletter issue: written by an editor, sent once to the confirmed subscribers of its lists.</summary>
public sealed class Campaign
{
    public const int SubjectMaxLength = 200;
    public const int PreheaderMaxLength = 200;
    public const int BaseUrlMaxLength = 200;
    public const int NameMaxLength = 256;

    public int Id { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>The line mail programs show after the subject.</summary>
    public string Preheader { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Body { get; set; } = "";

    public bool IncludeNews { get; set; }

    public bool IncludeEvents { get; set; }

    public CampaignStatus Status { get; set; }

    public DateTimeOffset? ScheduledAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedByName { get; set; } = "";

    /// <summary>The site's address for links in the e-mails (taken from the editor's request, or Newsletter:PublicBaseUrl).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The e-mail as sent (with placeholders for each recipient's own links), fixed when sending starts.</summary>
    public string? HtmlBody { get; set; }

    public string? TextBody { get; set; }

    /// <summary>The body as a web page for the archive, fixed when sending starts.</summary>
    public string? WebBody { get; set; }

    public int RecipientCount { get; set; }

    public List<CampaignList> Lists { get; set; } = [];
}

public sealed class CampaignList
{
    public int CampaignId { get; set; }

    public int ListId { get; set; }

    public Campaign? Campaign { get; set; }

    public NewsletterList? List { get; set; }
}

public enum DeliveryStatus
{
    Pending,
    Sending,
    Sent,

    /// <summary>Temporary failures ran out of attempts, or the server refused the address for good.</summary>
    Failed,

    /// <summary>The subscriber left (or chose other lists) before their copy went out.</summary>
    Skipped,
}

/// <summary>
/// One recipient's copy of a campaign. Written for every recipient in the same transaction that starts the
/// campaign; the unique (campaign, subscriber) pair is what makes "one e-mail per campaign" hold.
/// </summary>
public sealed class CampaignDelivery
{
    public const int LastErrorMaxLength = 500;

    /// <summary>Time-ordered id; also names the message (Message-ID, and the .eml file with the File transport).</summary>
    public Guid Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>Null once the subscriber has been erased.</summary>
    public Guid? SubscriberId { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public Guid? LockToken { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    public Campaign? Campaign { get; set; }

    public Subscriber? Subscriber { get; set; }
}

public sealed class NewsletterListConfiguration : IEntityTypeConfiguration<NewsletterList>
{
    public void Configure(EntityTypeBuilder<NewsletterList> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("NewsletterLists");
        builder.Property(x => x.Slug).HasMaxLength(NewsletterList.SlugMaxLength);
        builder.Property(x => x.Name).HasMaxLength(NewsletterList.NameMaxLength);
        builder.Property(x => x.Description).HasMaxLength(NewsletterList.DescriptionMaxLength);
        builder.HasIndex(x => x.Slug).IsUnique();
    }
}

public sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("NewsletterSubscribers");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Email).HasMaxLength(Subscriber.EmailMaxLength);
        builder.Property(x => x.NormalizedEmail).HasMaxLength(Subscriber.EmailMaxLength);
        builder.Property(x => x.Name).HasMaxLength(Subscriber.NameMaxLength);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.ConsentVersion).HasMaxLength(Subscriber.ConsentVersionMaxLength);
        builder.Property(x => x.ConsentSource).HasMaxLength(Subscriber.ConsentSourceMaxLength);
        builder.Property(x => x.ConsentEvidence).HasMaxLength(Subscriber.ConsentEvidenceMaxLength);
        builder.Property(x => x.BounceReason).HasMaxLength(Subscriber.ReasonMaxLength);
        builder.HasIndex(x => x.NormalizedEmail).IsUnique();
        builder.HasIndex(x => x.Status);
    }
}

public sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("NewsletterSubscriptions");
        builder.HasKey(x => new { x.SubscriberId, x.ListId });
        builder.HasOne(x => x.Subscriber).WithMany(x => x.Subscriptions).HasForeignKey(x => x.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.List).WithMany().HasForeignKey(x => x.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("NewsletterCampaigns");
        builder.Property(x => x.Subject).HasMaxLength(Campaign.SubjectMaxLength);
        builder.Property(x => x.Preheader).HasMaxLength(Campaign.PreheaderMaxLength);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.UpdatedByName).HasMaxLength(Campaign.NameMaxLength);
        builder.Property(x => x.BaseUrl).HasMaxLength(Campaign.BaseUrlMaxLength);
        builder.HasIndex(x => new { x.Status, x.ScheduledAt });
        builder.HasIndex(x => x.FinishedAt);
    }
}

public sealed class CampaignListConfiguration : IEntityTypeConfiguration<CampaignList>
{
    public void Configure(EntityTypeBuilder<CampaignList> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("NewsletterCampaignLists");
        builder.HasKey(x => new { x.CampaignId, x.ListId });
        builder.HasOne(x => x.Campaign).WithMany(x => x.Lists).HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.List).WithMany().HasForeignKey(x => x.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignDeliveryConfiguration : IEntityTypeConfiguration<CampaignDelivery>
{
    public void Configure(EntityTypeBuilder<CampaignDelivery> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("NewsletterDeliveries");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.LastError).HasMaxLength(CampaignDelivery.LastErrorMaxLength);
        builder.HasOne(x => x.Campaign).WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Subscriber).WithMany().HasForeignKey(x => x.SubscriberId).OnDelete(DeleteBehavior.SetNull);
        // Exactly one copy per recipient and campaign.
        builder.HasIndex(x => new { x.CampaignId, x.SubscriberId }).IsUnique();
        // The sender's question: which copies of this campaign are due?
        builder.HasIndex(x => new { x.CampaignId, x.Status, x.NextAttemptAt });
        builder.HasIndex(x => x.SubscriberId);
    }
}
