package org.amity.casework.domain;

public enum CaseStatus {
    OPEN, CLOSED
}
