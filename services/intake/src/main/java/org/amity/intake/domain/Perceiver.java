package org.amity.intake.domain;

/** Who perceived the hostility: an incident is a hate incident if the victim or any other person perceives it so. */
public enum Perceiver {
    VICTIM, WITNESS, REPORTER, OTHER
}
