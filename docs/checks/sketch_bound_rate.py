"""How often single double-sketch trials exceed two error bounds, at the settings of Ma, Stoger and Zhu's code.

Usage: python3 sketch_bound_rate.py [SEED]

n = 100, rank r0 = 10, X = G1 G2 with Gaussian factors (not normalized, a new X per cell), sketch size r1 in
{11, 20, 99}, noise norms ||E1||_F, ||E2||_F in 0:0.01:0.1 (the noiseless cell left out), 50 trials per cell, the
double sketch Y (Psi Y)^+ W. Two sketch shapes: square (l = k = r1, as in the paper) and l = 2k + 1 (capped at n,
reconlab's default). Two bounds: the one the authors' code evaluates (doublesketch_varyeps.m, commented out),
sqrt(r1 (n - r1)) / (sqrt(r1) - sqrt(r0)) ||E1|| + sqrt(r1) ||E2||, with Frobenius norms; and reconlab's
sketch-error-bound (Tropp et al. 2017, Thm 4.3, plus noise terms), a bound on the root mean square, infinite unless
l >= k + 2.
"""
import numpy as np, sys
rng=np.random.default_rng(int(sys.argv[1]) if len(sys.argv)>1 else 7)
n=100;r0=10;trials=50
eps=np.round(np.arange(0,0.1001,0.01),3)
def tropp(s,k,l,e1,e2):
    if k<2 or l<k+2: return np.inf
    tail=np.cumsum((s**2)[::-1])[::-1]  # tail[rho]=sum_{j>=rho} s_j^2
    best=min((k-1)/(k-rho-1)*(tail[rho] if rho<len(s) else 0)+rho/(k*(k-rho-1))*e1*e1 for rho in range(k-1))
    return np.sqrt((l-1)/(l-k-1)*best+k/(l*(l-k-1))*e2*e2)
for r1 in [11,20,99]:
  for mode in ['square','l=2k+1']:
    l = r1 if mode=='square' else min(2*r1+1,n)
    ex_code=ex_tropp=tot=0; finite=0; worst=(0,None)
    for e1 in eps:
      for e2 in eps:
        if e1==0 and e2==0: continue
        X=rng.standard_normal((n,r0))@rng.standard_normal((r0,n)); s=np.linalg.svd(X,compute_uv=False)
        for t in range(trials):
            Om=rng.standard_normal((n,r1)); Psi=rng.standard_normal((l,n))
            E1=rng.standard_normal((n,r1)); E1*=e1/np.linalg.norm(E1)
            E2=rng.standard_normal((l,n)); E2*=e2/np.linalg.norm(E2)
            Y=X@Om+E1; W=Psi@X+E2
            err=np.linalg.norm(Y@np.linalg.pinv(Psi@Y)@W-X)
            code=np.sqrt(r1*(n-r1))/(np.sqrt(r1)-np.sqrt(r0))*e1+np.sqrt(r1)*e2
            b=tropp(s,r1,l,e1,e2)
            tot+=1; ex_code+=err>code; 
            if np.isfinite(b): finite+=1; ex_tropp+=err>b
            if err/code>worst[0]: worst=(err/code,(e1,e2))
    print(f'r1={r1} {mode} l={l}: trials={tot} above authors-code bound {ex_code/tot:.3f} (worst ratio {worst[0]:.0f} at eps1,eps2={worst[1]}); above Tropp+noise RMS bound {ex_tropp/max(finite,1):.3f} of {finite} finite',flush=True)
