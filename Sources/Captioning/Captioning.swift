/// Caption metrics (BLEU, METEOR, ROUGE-L, CIDEr-D) and, later, the Latent CycleGAN.
enum Captioning {}
