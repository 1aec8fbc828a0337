namespace MiniQuantDesk.Domain.Calendar;

/// <summary>
/// NYSE full-day closures and 13:00 ET early closes of a year, derived from the exchange's rules (Rule
/// 7.2 and its published calendars) plus the one-off closures of the years bundled. Checked against the
/// weekdays missing from real daily bars 2018-2025.
/// </summary>
internal static class NyseHolidayRules
{
    /// <summary>Closures declared at short notice (national days of mourning), not derivable from rules.</summary>
    private static readonly DateOnly[] SpecialClosures =
    [
        new(2018, 12, 5),  // President George H. W. Bush
        new(2025, 1, 9),   // President Jimmy Carter
    ];

    public static IEnumerable<DateOnly> Holidays(int year)
    {
        // New Year's Day: Sunday moves to Monday; Saturday is NOT moved to the Friday before (NYSE Rule 7.2).
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek == DayOfWeek.Sunday)
        {
            yield return newYear.AddDays(1);
        }
        else if (newYear.DayOfWeek != DayOfWeek.Saturday)
        {
            yield return newYear;
        }

        yield return NthWeekday(year, 1, DayOfWeek.Monday, 3);   // Martin Luther King Jr. Day
        yield return NthWeekday(year, 2, DayOfWeek.Monday, 3);   // Washington's Birthday
        yield return EasterSunday(year).AddDays(-2);             // Good Friday
        yield return LastWeekday(year, 5, DayOfWeek.Monday);     // Memorial Day
        if (year >= 2022)
        {
            yield return Observed(new DateOnly(year, 6, 19));    // Juneteenth, an exchange holiday from 2022
        }

        yield return Observed(new DateOnly(year, 7, 4));         // Independence Day
        yield return NthWeekday(year, 9, DayOfWeek.Monday, 1);   // Labor Day
        yield return NthWeekday(year, 11, DayOfWeek.Thursday, 4); // Thanksgiving
        yield return Observed(new DateOnly(year, 12, 25));       // Christmas

        foreach (var special in SpecialClosures)
        {
            if (special.Year == year)
            {
                yield return special;
            }
        }
    }

    /// <summary>13:00 ET closes: July 3 before a weekday Independence Day, the day after Thanksgiving, Christmas Eve.</summary>
    public static IEnumerable<DateOnly> EarlyCloses(int year)
    {
        var july3 = new DateOnly(year, 7, 3);
        if (july3.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
        {
            yield return july3;
        }

        yield return NthWeekday(year, 11, DayOfWeek.Thursday, 4).AddDays(1);

        var christmasEve = new DateOnly(year, 12, 24);
        if (christmasEve.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
        {
            yield return christmasEve;
        }
    }

    /// <summary>Saturday holidays are observed on Friday, Sunday ones on Monday.</summary>
    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-offset);
    }

    /// <summary>Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" computus).</summary>
    private static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
