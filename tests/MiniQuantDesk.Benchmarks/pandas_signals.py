"""SMA 10/30 crossover signals of the reference backtest, vectorised with pandas (signals only: no fills,
no accounting). Timed on data already in memory (CSV parsing excluded), best of several repeats.
Run with Debian's python3 (python3-pandas): /usr/bin/python3 pandas_signals.py <SPY.csv>"""
import sys
import timeit

import numpy as np
import pandas as pd

bars = pd.read_csv(sys.argv[1], dtype={"timestamp_utc": str, "close": str})


def signals(frame):
    frame = frame.drop_duplicates("timestamp_utc", keep="last")
    ts = pd.to_datetime(frame["timestamp_utc"], utc=True)
    frame = frame.assign(ts=ts).sort_values("ts")
    et = frame["ts"].dt.tz_convert("America/New_York")
    minutes = et.dt.hour * 60 + et.dt.minute
    frame = frame[(minutes >= 570) & (minutes < 960)]
    # Exact: prices in integer units of 1e-4 (the files have at most 4 decimals), so 3*sum10 - sum30 is exact.
    units = np.rint(frame["close"].astype(float).to_numpy() * 10000).astype(np.int64)
    s = pd.Series(units)
    d = np.sign(3 * s.rolling(10).sum() - s.rolling(30).sum())
    prev = d.shift(1)
    index = np.arange(len(d))
    bullish = (d > 0) & (prev <= 0) & (index >= 30)
    bearish = (d < 0) & (prev >= 0) & (index >= 30)
    session = et[(minutes >= 570) & (minutes < 960)].dt.date.to_numpy()
    last_of_session = np.append(session[1:] != session[:-1], True)
    return int((bullish & ~last_of_session).sum()), int((bearish & ~last_of_session).sum())


buys, sells = signals(bars)
runs = 20
best = min(timeit.repeat(lambda: signals(bars), number=runs, repeat=5)) / runs
print(f"pandas {pd.__version__}: {buys} bullish and {sells} bearish crosses outside session ends on {len(bars)} bars")
print(f"ms_per_run={best * 1000:.3f}")
