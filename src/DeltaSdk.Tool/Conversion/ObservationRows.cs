namespace DeltaSdk.Tool.Conversion;

/// <summary>Turns observations into rows of <see cref="ObservationColumns"/> and back, exactly.</summary>
internal static class ObservationRows
{
    /// <summary>Gets the cells of an observation, in <see cref="ObservationColumns.All"/> order.</summary>
    /// <param name="observation">The observation.</param>
    /// <returns>The cells; <see langword="null"/> for an absent value.</returns>
    public static string?[] ToCells(Observation observation)
    {
        var source = observation.Source;
        return
        [
            observation.Indicator.ToString(),
            observation.Region?.ToString(),
            observation.RegionGroup?.ToString(),
            observation.Period.ToString(),
            CellFormats.Number(observation.Value),
            observation.Qualifier == ValueQualifier.Exact ? null : WireNames.Of(observation.Qualifier),
            observation.Status == ObservationStatus.Final ? null : WireNames.Of(observation.Status),
            source?.Title,
            source?.Publisher,
            source?.Url?.OriginalString,
            source?.PublishedOn is { } published ? CellFormats.Date(published) : null,
            source?.Confidence is { } confidence ? WireNames.Of(confidence) : null,
            source?.Note,
            observation.Notes,
        ];
    }

    /// <summary>Reads the observation of the current record.</summary>
    /// <param name="row">The reader, on a record.</param>
    /// <returns>The observation.</returns>
    public static Observation FromRecord(CsvRecordReader row)
    {
        var sourceTitle = row.Get(ObservationColumns.SourceTitle);
        var sourceRest = new[] { ObservationColumns.SourcePublisher, ObservationColumns.SourceUrl, ObservationColumns.SourcePublishedOn, ObservationColumns.SourceConfidence, ObservationColumns.SourceNote };
        if (sourceTitle is null && sourceRest.Any(c => row.Get(c) is not null))
        {
            throw row.Error(ObservationColumns.SourceTitle, "a source needs a title when any other source.* cell is filled in; add the title or clear the other source cells.");
        }

        return new Observation
        {
            Indicator = row.RequiredValue(ObservationColumns.Indicator, IndicatorId.Parse, "an indicator id"),
            Region = row.OptionalValue(ObservationColumns.Region, RegionCode.Parse, "a GB/T 2260 region code"),
            RegionGroup = row.OptionalValue(ObservationColumns.RegionGroup, RegionGroupId.Parse, "a region group id"),
            Period = row.RequiredValue(ObservationColumns.Period, ReportingPeriod.Parse, "a reporting period (2024, 2024-H1, 2024-Q3, 2024-07, 2024-07-25)"),
            Value = row.RequiredValue(ObservationColumns.Value, CellFormats.ParseNumber, "a number"),
            Qualifier = row.OptionalValue(ObservationColumns.Qualifier, CellFormats.ParseEnum<ValueQualifier>, "a qualifier") ?? ValueQualifier.Exact,
            Status = row.OptionalValue(ObservationColumns.Status, CellFormats.ParseEnum<ObservationStatus>, "a status") ?? ObservationStatus.Final,
            Source = sourceTitle is null ? null : new SourceReference
            {
                Title = sourceTitle,
                Publisher = row.Get(ObservationColumns.SourcePublisher),
                Url = row.Optional(ObservationColumns.SourceUrl, static t => Uri.TryCreate(t, UriKind.Absolute, out var uri) ? uri : throw new FormatException("expected an absolute URL"), "a URL"),
                PublishedOn = row.OptionalValue(ObservationColumns.SourcePublishedOn, CellFormats.ParseDate, "a date"),
                Confidence = row.OptionalValue(ObservationColumns.SourceConfidence, CellFormats.ParseEnum<SourceConfidence>, "a confidence"),
                Note = row.Get(ObservationColumns.SourceNote),
            },
            Notes = row.Get(ObservationColumns.Notes),
        };
    }

    /// <summary>Reads every observation of a CSV file, one at a time.</summary>
    /// <param name="row">The reader, after the header.</param>
    /// <param name="progress">Told the byte offset every few thousand records.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The observations.</returns>
    public static async IAsyncEnumerable<Observation> ReadAllAsync(CsvRecordReader row, Action<long> progress, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0L;
        while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return FromRecord(row);
            if (++count % 4096 == 0)
            {
                progress(row.ByteOffset);
            }
        }
    }
}
