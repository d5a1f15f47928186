/** The guided-mode explanations, one per plot or idea (plain text). */

export const GUIDE = {
  spectrum:
    'Black is the spectrum as the network sees it: the flux minus a smooth degree-5 polynomial continuum, divided by its RMS. ' +
    'The coloured curve is the reconstruction — the network’s picture of this object in its rest frame — slid to the current redshift. ' +
    'Shaded pixels are masked (no weight). Dotted lines mark emission lines, dashed ones absorption lines, at λ_rest·(1+z). ' +
    'At the right z the features line up and the residuals below are flat.',
  flux:
    'In flux units: the measured flux with its ±1σ error band (σ = 1/√ivar), the fitted continuum (dotted), and the reconstruction mapped back as continuum + Norm·R. ' +
    'The survey’s own pipeline model is shown in green when the file has one.',
  chi2:
    'For each class the app slides the reconstruction along the spectrum one pixel (0.0001 in log λ) at a time and adds up the weighted squared differences, χ² = Σ w·(F − R)². ' +
    'Divided by the number of good pixels minus 16 it is the reduced χ² (about 1 when the fit is as good as the noise allows). ' +
    'The deepest dip gives the redshift, and the class with the lowest dip is the class. ' +
    'GALAXY and QSO share an axis spaced in log(1+z), which is one pixel per step everywhere; stars move by at most a few hundred km/s, so they get their own small panel in km/s. ' +
    'Click a curve or a ◆ minimum to jump there; n/] and p/[ step through the minima.',
  robustness:
    'R = (χ²₂ − χ²₁)/χ²₁ compares the best dip with the second best one (at least 0.01 in log λ away). ' +
    'R below 0.1 means another redshift fits almost as well, so the redshift is unreliable. “Unique” means there is only one dip.',
  eigen:
    'The encoder describes every spectrum of a class as a mix of 10 fixed eigenspectra Eⱼ learnt from training data. ' +
    'For this spectrum it outputs weights cⱼ (they add up to 1) and an amplitude A; the reconstruction is A·Σ cⱼ·Eⱼ, the top curve, and the curves below are its parts. ' +
    'The shaded band is the stretch of the rest frame that the observed 3600–9200 Å covers at the current z: the model reaches beyond the data, which is why it can be slid.',
  eigenUnet: 'The UNet reconstructs the spectrum directly, without a fixed set of eigenspectra, so there are none to show.',
  map:
    'Each point is one spectrum of your batch, placed by UMAP so that spectra the encoder describes with similar coefficients (its 10 weights ωⱼ and amplitude A in the class space you pick) sit close together. ' +
    'Colour by class in the QSO space: most stars sit apart from the galaxies and quasars. ' +
    'Colour by outlier score: the bright points are spectra unlike the others of their class (Local Outlier Factor, the LOF column). ' +
    'In the development batch (the 85 SDSS and the external spectra) the broad-absorption-line quasar spec-7401-56808-0703, whose troughs the encoder cannot reproduce (χ² ≈ 9), is among the three highest-scoring quasars. ' +
    'Click a point to open its spectrum; draw round points (box or lasso) to list only them in the table and step through them with ↓ and ↑ (or j and k). ' +
    'The plot beside it is the survey’s cut: keeping only R ≥ R_T raises accuracy and GF and lowers completeness.',
  exercise:
    'Find the redshift yourself. The χ² plot is hidden and z starts at 0 (stars: at the top of their small range): drag the slider (or use the arrow keys on it) and watch χ² at that z — lower is better — while lining up the model with the spectrum.',
} as const;
