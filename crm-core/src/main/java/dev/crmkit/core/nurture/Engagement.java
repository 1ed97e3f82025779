package dev.crmkit.core.nurture;

/** What a branch asks about the person's engagement since they were enrolled. */
public sealed interface Engagement {
    /** A link in the email an earlier {@code SendEmail} step sent was clicked. */
    record Clicked(String step) implements Engagement {
    }

    /** The person came back: a site visit, form submission, ad click or email click since they were enrolled. */
    record Visited() implements Engagement {
    }

    /** The lead's score is above {@code score}. */
    record ScoreAbove(int score) implements Engagement {
    }
}
