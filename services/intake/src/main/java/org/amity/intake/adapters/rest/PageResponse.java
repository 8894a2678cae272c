package org.amity.intake.adapters.rest;

import java.util.List;

/** One page of a list, with what is needed to fetch the next. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
