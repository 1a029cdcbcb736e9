using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    /// <summary>The account, or null when unknown.</summary>
    public AccountInfo? FindAccount(AccountId id)
    {
        if (!_accountIndex.TryGetValue(id, out int index))
        {
            return null;
        }

        AccountRecord a = _accounts[index];
        return new AccountInfo(a.Id, a.Type, a.Owner, a.Status);
    }

    /// <summary>Every account (built-in sinks first, then in opening order).</summary>
    public IEnumerable<AccountInfo> AllAccounts()
    {
        for (int i = 0; i < _accountCount; i++)
        {
            AccountRecord a = _accounts[i];
            yield return new AccountInfo(a.Id, a.Type, a.Owner, a.Status);
        }
    }

    /// <summary>The buckets of one holding (all zero when the account never held the instrument).</summary>
    public Position GetPosition(AccountId account, InstrumentId instrument)
    {
        if (!_accountIndex.TryGetValue(account, out int a) || !_instrumentIndex.TryGetValue(instrument, out int i)
            || !_positionIndex.TryGetValue(PositionKey(a, i), out int p))
        {
            return default;
        }

        return ToPosition(in _positions[p]);
    }

    /// <summary>Every holding ever touched (including those now empty).</summary>
    public IEnumerable<PositionInfo> AllPositions()
    {
        for (int p = 0; p < _positionCount; p++)
        {
            PositionRecord r = _positions[p];
            yield return new PositionInfo(_accounts[r.Account].Id, _instruments[r.Instrument].Id, ToPosition(in r));
        }
    }

    /// <summary>Every instrument ever issued, with its supply.</summary>
    public IEnumerable<InstrumentInfo> AllInstruments()
    {
        for (int i = 0; i < _instrumentCount; i++)
        {
            yield return new InstrumentInfo(_instruments[i].Id, new Co2e(_instruments[i].IssuedGrams));
        }
    }

    /// <summary>Every serial block of every credit instrument, in instrument then serial order of storage.</summary>
    public IEnumerable<SerialHolding> AllSerialHoldings()
    {
        for (int i = 0; i < _instrumentCount; i++)
        {
            if (_instruments[i].Serials is not { } book)
            {
                continue;
            }

            foreach (Credits.SerialBlock b in book.Blocks)
            {
                yield return new SerialHolding(_instruments[i].Id, b.Range, _accounts[b.Account].Id, b.Bucket,
                    b.FreezeId);
            }
        }
    }

    /// <summary>Every freeze order ever made, with what remains frozen under it.</summary>
    public IEnumerable<FreezeInfo> AllFreezes()
    {
        foreach ((string id, FreezeRecord f) in _freezes)
        {
            yield return new FreezeInfo(id, _accounts[f.Account].Id, _instruments[f.Instrument].Id,
                new Co2e(f.RemainingGrams));
        }
    }

    /// <summary>How many idempotency keys the ledger remembers (one per accepted command).</summary>
    public int RememberedKeys => _keys.Count;

    private static Position ToPosition(in PositionRecord r) =>
        new(new Co2e(r.Available), new Co2e(r.Locked), new Co2e(r.Unsettled), new Co2e(r.Frozen),
            new Co2e(r.Pledged));
}
