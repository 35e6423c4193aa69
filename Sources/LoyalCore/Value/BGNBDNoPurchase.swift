import Foundation

extension BGNBDParameters {
    /// P(no purchase in the next t time units | x, t_x, T): a customer who has dropped out
    /// buys nothing, one who is alive buys nothing with the gamma posterior's
    /// probability of a zero Poisson count, ((α+T)/(α+T+t))^(r+x).
    ///
    /// Unlike P(alive) it is below 1 for one-time buyers too, so it ranks them: a
    /// one-time buyer seen long ago is likelier to stay away than one seen last week.
    public func probabilityOfNoPurchase(in t: Double, given o: BGNBDObservation) -> Double {
        let alive = probabilityAlive(o)
        let silentIfAlive = exp((r + Double(o.frequency)) * (log(alpha + o.age) - log(alpha + o.age + max(t, 0))))
        return (1 - alive) + alive * silentIfAlive
    }
}
